# Слова, общие для всего приложения: дни недели, месяцы, даты, длительности, счёт
# и фразы о том, когда пора сделать шаг. Используются через src/i18n/format.rs.

## Дни недели и месяцы. $day — mon…sun, $month — 1…12.

weekday = { $day ->
    [mon] Понедельник
    [tue] Вторник
    [wed] Среда
    [thu] Четверг
    [fri] Пятница
    [sat] Суббота
   *[sun] Воскресенье
}
# Родительный падеж: «Вечер четверга».
weekday-of = { $day ->
    [mon] понедельника
    [tue] вторника
    [wed] среды
    [thu] четверга
    [fri] пятницы
    [sat] субботы
   *[sun] воскресенья
}
weekday-short = { $day ->
    [mon] пн
    [tue] вт
    [wed] ср
    [thu] чт
    [fri] пт
    [sat] сб
   *[sun] вс
}
# Месяц в дате, родительный падеж: «26 ноября».
month-of = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
# В коротких датах месяц тоже полностью: «чт, 26 ноября».
month-short-of = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}

## Даты.

# «Вечер четверга, 26 ноября 2026»
date-evening = Вечер { $weekday }, { $day } { $month } { $year }
# «чт, 26 ноября»
date-short = { $weekday }, { $day } { $month }
# Дата как граница промежутка («с … по …»), с годом: «1 ноября 2026 (вс)».
date-in-span = { $day } { $month } { $year } ({ $weekday })

## Длительности: «8 ч 05 мин».

duration-minutes = { $minutes } мин
duration-hours = { $hours } ч
duration-hours-minutes = { $hours } ч { $minutes } мин

## Счёт: одна, несколько, много.

count-steps = { $count ->
    [one] { $count } шаг
    [few] { $count } шага
   *[many] { $count } шагов
}
count-minutes = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
   *[many] { $count } минут
}
count-nights = { $count ->
    [one] { $count } ночь
    [few] { $count } ночи
   *[many] { $count } ночей
}
count-evenings = { $count ->
    [one] { $count } вечер
    [few] { $count } вечера
   *[many] { $count } вечеров
}

## Когда пора сделать шаг.

anchor-at-bedtime = перед сном
anchor-before-bedtime = за { $duration } до сна
anchor-on-waking = сразу после пробуждения
anchor-after-waking = через { $duration } после пробуждения
anchor-at = в { $time }

## Сколько времени в постели: от отбоя до будильника (сам сон короче).

sleep-opportunity = { $duration } в постели до будильника в { $wake }
short-night-advice = Это меньше 8 часов в постели, а самого сна ещё меньше: в статье советуют спать не меньше восьми часов, а если этого мало — девять или десять.
sleep-opportunity-short = { $base }. { $advice }

## День, на который приходится ночь: «ночь на воскресенье» (винительный падеж).

weekday-on = { $day ->
    [mon] понедельник
    [tue] вторник
    [wed] среду
    [thu] четверг
    [fri] пятницу
    [sat] субботу
   *[sun] воскресенье
}
