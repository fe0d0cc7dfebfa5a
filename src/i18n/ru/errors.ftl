# Почему изменение или команда не выполнены. По одному предложению.

## Изменения.

error-unknown-step = В вашем распорядке нет шага «{ $id }»; список идентификаторов показывает `bedtime-coach routine list`.
error-already-in-routine = Шаг «{ $id }» уже есть в вашем распорядке.
error-date-too-far = { $date } — слишком далеко от сегодняшнего дня, чтобы делать отметку.
error-nothing-changed = Ничего не изменилось.

## Шаги.

error-step-bad-id = В идентификаторе шага могут быть только строчные латинские буквы, цифры и дефисы, например «evening-walk»; «{ $id }» не подходит.
error-step-no-title = У шага должно быть название.
error-step-title-too-long = Название может быть не длиннее { $max } { $max ->
    [one] символа
   *[other] символов
}, а в этом { $count }.
error-computer-name-too-long = Имя компьютера может быть не длиннее { $max } { $max ->
    [one] символа
   *[other] символов
}, а в этом { $count }.
error-forget-this-computer = Этот компьютер нельзя забыть на нём самом; это можно сделать с другого компьютера, который пользуется той же папкой.
error-computer-name-control = Имя компьютера пишется в одну строку, без табуляций.
error-step-why-too-long = Пояснение к шагу может быть не длиннее { $max } { $max ->
    [one] символа
   *[other] символов
}, а в этом { $count }.
error-step-too-many-minutes = { $count } { $count ->
    [one] минута
    [few] минуты
   *[many] минут
} — это больше суток; укажите не больше { $max }.
error-step-no-value = Шаг «{ $id }» не записывает значение.

## Расписание.

error-same-time = Отбой в { $time } совпадает со временем подъёма; выберите подъём позже отбоя.

## Напоминания.

error-already-running = Напоминания уже отправляет другой процесс Bedtime Coach{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
}; этот не нужен и завершается.
error-autostart-registry = Не удалось изменить, запускаются ли напоминания при входе в систему ({ $key }): { $cause }.
error-stop-failed = Службу напоминаний{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
} не удалось попросить остановиться: { $cause }
error-stop-not-the-service = этот процесс не держит блокировку службы на этих файлах, значит, это не служба напоминаний, и его не тронули.
error-stop-not-listening = она не принимает такую просьбу (возможно, это старая версия); завершите её в диспетчере задач или командой `kill`.
error-stop-timeout = Службу напоминаний{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
} попросили остановиться, но через { $seconds } с она всё ещё работает; попробуйте ещё раз или завершите её в диспетчере задач или командой `kill`.
error-not-a-humidity = { $value } % — это не влажность; укажите число от 0 до 100 (процентов).

## Дневник ночи (src/model/night.rs).

error-night-rested = Насколько вы отдохнули — число от { $min } до { $max }; { $value } не подходит.
error-night-note-too-long = Заметка о ночи может быть не длиннее { $max } { $max ->
    [one] символа
   *[other] символов
}, а в этой { $count }.

error-routine-full = В распорядке может быть не больше { $max } шагов; уберите один, прежде чем добавлять новый.

## Что может попасть в дневник (src/model/validate.rs): части фраз внутри error-not-recorded
## и transfer-error-invalid.

error-not-recorded = Ничего не записано: { $reason }.
invalid-out-of-range = вечер { $date } вне лет, которые хранит Bedtime Coach (с { $first } по { $last })
invalid-future = до вечера { $date } больше суток
invalid-step-id = у вечера { $date } есть шаг «{ $id }», а это не идентификатор шага (строчные латинские буквы, цифры и дефисы)
invalid-humidity = у вечера { $date } влажность { $value } %, а не число от 0 до 100
invalid-no-value = у вечера { $date } у шага «{ $id }» есть значение, а этот шаг значений не записывает
invalid-rested = у ночи после { $date } бодрость { $value }, а не число от { $min } до { $max }
invalid-note = у ночи после { $date } заметка длиной { $count } { $count ->
    [one] символ
    [few] символа
   *[many] символов
}, а можно не больше { $max }
invalid-recorded-at = у вечера { $date } есть запись со временем { $at } — раньше этого вечера или в будущем
invalid-ordered = у вечера { $date } есть запись с отметкой порядка { $at } — позже лет, которые хранит Bedtime Coach (по { $last })
invalid-too-many-steps = у вечера { $date } { $count } { $count ->
    [one] шаг
    [few] шага
   *[many] шагов
}, а вечер вмещает не больше { $max }
invalid-planned-time = вечер { $date } запланирован со временем { $time }, которое не может относиться к этому вечеру
invalid-repeated-step = в распорядке вечера { $date } шаг «{ $id }» указан дважды
invalid-routine-step = в распорядке из файла есть шаг, который приложение не сохранило бы: { $problem }
invalid-routine-repeated-step = в распорядке из файла шаг «{ $id }» указан дважды
invalid-routine-begins = распорядок из файла начинается { $at }, а это время ещё не наступило
invalid-schedule-same-time = в его расписании есть ночь, где и отбой, и подъём в { $time }
invalid-unknown = в нём { $size } полей, которых эта версия не знает, а один файл может принести не больше { $max }
