## Сводка для врача (src/report/): страница для печати и CSV. Только то, что записано,
## без названий болезней. $from, $to, $date — короткие даты.

report-title = Сводка о сне для врача
report-period = Ночи с { $from } по { $to } ({ $weeks } { $weeks ->
    [one] неделя
    [few] недели
   *[many] недель
})
report-made = Составлено в Bedtime Coach { $date } в { $time }.
report-intro = Записи пациент делал каждое утро в Bedtime Coach — приложении для вечернего распорядка, который советуют при вздрагиваниях во время засыпания; оно задаёт несколько вопросов о каждой ночи. Здесь перечислено, что было замечено; это не диагноз.
report-signs = На что стоит обратить внимание
report-signs-none = За этот период не повторялось ничего из того, за чем следит приложение (подёргивания всю ночь, вздрагивания днём несколько дней подряд, признаки беспокойных ног, ритмичные движения ног, замеченные близким, сонный паралич).
report-overview = Коротко
report-nights-logged = Записано ночей
report-of = { $count } из { $total }
report-col-night = Ночь
report-col-date = Вечер (дата)
report-col-falling-asleep = Вздрагивания при засыпании
report-col-jerks-many = Много вздрагиваний при засыпании
report-col-woke = Пробуждение от толчка
report-col-all-night = Подёргивания всю ночь
report-col-daytime = Подёргивания днём, не во сне
report-col-restless = Зуд и желание двигать ногами (вечером)
report-col-partner = Ритмичные движения пальцев ног или стоп (видел близкий)
report-col-paralysis = Сонный паралич
report-col-rested = Отдых (1–5)
report-col-stress = Стресс накануне
report-col-stress-high = Сильный стресс накануне
report-col-notes = Заметки
report-col-signs = Признаки, к которым относится эта ночь
report-rested-mean = в среднем { $mean } за { $count } { $count ->
    [one] ночь
    [few] ночи
   *[many] ночей
}
report-none = нет записей
report-night-log = По ночам
report-no-nights = За этот период ни одна ночь не записана.
report-not-logged = не записана
report-yes = да
report-no = –
report-jerks = { $jerks ->
    [none] не было
    [few] раз-другой
   *[many] много
}
report-stress = { $stress ->
    [low] слабый
    [some] средний
   *[high] сильный
}
report-routine = Вечерний распорядок
report-tracked = Вечеров с отмеченным распорядком: { $count } из { $total }.
report-step = Шаг
report-kept = Выполнен в те вечера, когда был запланирован
report-kept-of = { $done } из { $planned } ({ $percent } %)
report-bedtime = Постоянство времени отхода ко сну
report-bedtime-none = За этот период шаг «Отбой» не отмечался.
report-week = Неделя с
report-lights-out-evenings = Вечеров
report-offset = Отбой, в среднем
report-spread = Разброс (±)
report-minutes = { $minutes } мин
report-offset-on-time = в запланированное время
report-offset-after = на { $duration } позже запланированного
report-offset-before = на { $duration } раньше запланированного
report-bedtime-hint = Когда был отмечен шаг «Отбой» по сравнению с запланированным временем отхода ко сну; небольшой разброс означает постоянное время, как и советует статья.
report-footer = Bedtime Coach — не медицинская консультация и не ставит диагнозов. Сведения в нём взяты из одной статьи о вздрагиваниях при засыпании; всё здесь внесено самим пациентом и хранится только на его компьютере.

## `bedtime-coach report`: справка, число недель и куда записана сводка.

help-report = Записать сводку для врача: записи о ночах за последние недели, тревожные признаки с их ночами, выполнение распорядка и постоянство времени отхода ко сну (страница HTML для печати или CSV)
help-report-weeks = Сколько недель охватить, от 2 до 4 (по умолчанию 4)
help-report-format = html (самодостаточная страница для печати, по умолчанию) или csv
help-report-output = Куда записать (по умолчанию — файл с датой в папке «Документы»); - выводит на экран
help-report-to = Вечер последней ночи в сводке, ГГГГ-ММ-ДД (по умолчанию — прошлая ночь)
cli-error-report-weeks = Сводка охватывает от { $min } до { $max } недель; «{ $text }» — вне этих пределов.
cli-report-saved = Сводка для врача (ночи с { $from } по { $to }, { $nights ->
    [one] записана { $nights } ночь
    [few] записаны { $nights } ночи
   *[many] записано { $nights } ночей
}) сохранена: { $path }
