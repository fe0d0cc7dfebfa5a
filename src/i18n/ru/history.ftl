# История и статистика (src/i18n/history.rs, src/ui/history.rs, src/cli/stats.rs):
# держится ли распорядок? Экран и `bedtime-coach stats` говорят одними словами.

## Цифры. $value — целое число; $minutes — целое число минут.

history-percent = { $value } %
history-offset-on-time = точно в запланированное время отхода ко сну
history-offset-after = на { $minutes } мин позже запланированного отхода ко сну
history-offset-before = на { $minutes } мин раньше запланированного отхода ко сну
history-bedtime = В среднем { $offset }, плюс-минус { $spread } мин ({ $evenings })
history-bedtime-none = За этот период свет ни разу не выключали около времени сна.
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
stats-adherence = Как часто сделан каждый шаг, когда он был в распорядке (последние 7 / 30 / 90 вечеров):
stats-weeks = Отход ко сну по неделям (последние 8):
stats-week = неделя с { $week }: { $offset }, плюс-минус { $spread } мин ({ $evenings })

## Settings: the streak threshold.

ui-settings-history = История
ui-settings-streak-threshold = Вечер засчитывается в серию, когда сделано не меньше
ui-settings-streak-threshold-hint = Вечера без отметок не входят в серии и доли: неотмеченный вечер — не пропуск.
