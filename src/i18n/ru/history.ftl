# История и статистика (src/i18n/history.rs, src/ui/history.rs, src/cli/stats.rs):
# держится ли распорядок? Экран и `bedtime-coach stats` говорят одними словами.

## Цифры. $value — целое число; $minutes — целое число минут.

history-percent = { $value } %
history-offset-on-time = точно в запланированное время отхода ко сну
history-offset-after = на { $minutes } мин позже запланированного отхода ко сну
history-offset-before = на { $minutes } мин раньше запланированного отхода ко сну
history-bedtime = В среднем { $offset }, плюс-минус { $spread } мин ({ $evenings })
history-bedtime-none = За этот период шаг «Отбой» ни разу не был отмечен около запланированного времени отхода ко сну.
history-kept = соблюдено { $kept } из { $planned ->
    [one] { $planned } вечера
   *[other] { $planned } вечеров
}
history-kept-none = не входило ни в один отмеченный вечер
history-streak-current = { $count ->
    [one] { $count } вечер подряд
    [few] { $count } вечера подряд
   *[many] { $count } вечеров подряд
}
history-streak-best = лучшая серия: { $count }
history-streak-rule = Вечер засчитывается, когда сделано не меньше { $percent } % его шагов. Неотмеченные вечера не учитываются: они не прерывают и не продлевают серию.
history-evenings = отмечено { $tracked }, не отмечено { $untracked } (это не считается пропуском)
history-nothing-yet = Пока ничего не записано. Отметьте шаг сегодня вечером — и здесь начнётся ваша история.

## День календаря, как его читает экранный диктор. $date — короткая дата.

history-day-steps = { $date }: { $done } из { $planned ->
    [one] { $planned } шага
   *[other] { $planned } шагов
}
history-day-untracked = { $date }: не отмечен
history-day-ahead = { $date }: ещё впереди

## Команда `stats`. $date — короткая дата.

stats-title = История по { $date } (порог серии { $percent } %)
stats-evenings = Вечера с { $first }: { $evenings }
stats-streak = Серия: { $current }, { $best }
stats-completion = Доля сделанных шагов за отмеченный вечер: последние 7 вечеров { $week }, последние 30 { $month }, всё время { $all }
stats-no-figure = –
stats-bedtime = Отход ко сну за последние 30 вечеров. { $bedtime }
stats-caffeine = Отказ от кофеина: { $recent } (последние 30), { $all } (всё время)
stats-caffeine-never = Отказ от кофеина: { $kept }
stats-adherence = Как часто сделан каждый шаг, когда он был в распорядке (последние 7 / 30 / 90 вечеров):
stats-weeks = Отход ко сну по неделям (последние 8):
stats-week = неделя с { $week }: { $offset }, плюс-минус { $spread } мин ({ $evenings })

## Settings: the streak threshold.

ui-settings-history = История
ui-settings-streak-threshold = Вечер засчитывается в серию, когда сделано не меньше
ui-settings-streak-threshold-hint = Вечера без отметок не входят в серии и доли: неотмеченный вечер — не пропуск.

## Экран «История» (src/ui/history.rs).

ui-tab-history = История
history-title = История
history-month = { $month ->
    [1] Январь
    [2] Февраль
    [3] Март
    [4] Апрель
    [5] Май
    [6] Июнь
    [7] Июль
    [8] Август
    [9] Сентябрь
    [10] Октябрь
    [11] Ноябрь
   *[12] Декабрь
}
history-month-year = { $month } { $year }
history-month-short = { $month ->
    [1] янв
    [2] фев
    [3] мар
    [4] апр
    [5] май
    [6] июн
    [7] июл
    [8] авг
    [9] сен
    [10] окт
    [11] ноя
   *[12] дек
}
history-previous-year = Предыдущий год
history-previous-month = Предыдущий месяц
history-next-month = Следующий месяц
history-next-year = Следующий год
history-this-month = Этот месяц
history-first-month = Первый записанный месяц
history-card-streak = Серия
history-card-done = Сделано шагов
history-card-done-detail = последние 7 вечеров; за 30: { $month }, за всё время: { $all }
history-card-bedtime = Отход ко сну
history-card-caffeine = Отказ от кофеина
history-legend = Цвета и значки:
history-legend-met = √ сделано { $percent } % и больше
history-legend-part = ½ сделано не меньше половины
history-legend-low = ! сделано меньше половины
history-legend-untracked = – не отмечен (это не пропуск)
history-day-pick = Выберите вечер в календаре (или перейдите к нему клавишей Tab и нажмите Enter), чтобы посмотреть и исправить его шаги.
history-day-summary = Сделано { $done } из { $planned ->
    [one] { $planned } шага
   *[other] { $planned } шагов
}, пропущено { $skipped }
history-day-not-tracked = В этот вечер ничего не отмечено: он не учитывается и не считается пропуском.
history-day-ahead-note = Этот вечер ещё впереди: шаги отмечаются в сам вечер.
history-step-done = √ сделано, записано в { $time }
history-step-done-value = √ сделано ({ $value } %), записано в { $time }
history-step-skipped = – пропущено, записано в { $time }
history-step-unchecked = не отмечено
history-step-not-counted = не считается: время подошло раньше, чем шаг появился в распорядке
history-step-gone = больше не входит в распорядок
history-mark-done = Отметить сделанным
history-mark-skipped = Отметить пропущенным
history-mark-done-step = Отметить сделанным: { $title }
history-mark-skipped-step = Отметить пропущенным: { $title }
history-humidity-step = Влажность за { $date }
history-close-day = Закрыть
history-adherence = Как часто делался каждый шаг, когда он входил в вечер
history-adherence-days = { $days ->
    [7] Последние 7 вечеров
    [30] Последние 30 вечеров
   *[90] Последние 90 вечеров
}
history-adherence-bar = { $percent } · { $done } из { $planned }
history-adherence-name = { $title }: { $percent }, { $done } из { $planned ->
    [one] { $planned } вечера
   *[other] { $planned } вечеров
}
history-adherence-none = За этот период нет отмеченных вечеров.
history-trends = Со временем
history-plot-completion = Доля сделанных шагов за вечер (%)
history-plot-bedtime = Отбой: на сколько минут позже запланированного
history-plot-each-evening = Каждый вечер
history-plot-each-week = Среднее за неделю
history-plot-rolling = Скользящее среднее по 7
history-plot-weekly-note = Показаны средние за неделю: вечеров слишком много, чтобы рисовать каждый.
history-plot-point = { $date }: { $value }
history-card-streak-detail = { $count ->
    [one] вечер подряд
    [few] вечера подряд
   *[many] вечеров подряд
}; лучшая: { $best }
history-card-bedtime-detail = { $side ->
    [before] раньше времени сна
    [after] позже времени сна
   *[on-time] точно ко времени сна
} в среднем за последние 30 вечеров; плюс-минус { $spread } мин
history-card-caffeine-figure = { $kept } из { $planned }
history-card-caffeine-detail = вечеров соблюдено из последних 30
history-card-bedtime-figure = { $minutes } мин
