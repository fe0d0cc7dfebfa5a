## Экран дневника ночи (src/ui/night.rs). $evening и $morning — короткие даты
## («чт, 26 ноября»); $time — ЧЧ:ММ.

night-tab = Ночь
night-title = Ночь с { $evening } на { $morning }
night-last-night = Прошлая ночь
night-earlier = ‹ Ночь раньше
night-later = Ночь позже ›
night-not-logged = Ещё не записано.
night-logged-at = Сохранено в { $time }, { $date }. Любой ответ можно изменить — он сохраняется сразу.
night-quiet = Спокойная ночь
night-quiet-hint = Ни подёргиваний, ни признаков ниже — одним нажатием (отдых, стресс и заметки не меняются).
night-falling-asleep = Подёргивания при засыпании
night-jerks-none = Не было
night-jerks-few = Раз-другой
night-jerks-many = Много
night-woke-from-jolt = Проснулись от толчка
night-all-night = Подёргивания продолжались всю ночь
night-daytime = Подёргивания днём, когда вы не спали (вчера)
night-restless-legs = Дрожь в ногах с засыпания и всю ночь, с зудом и постоянным желанием ими двигать
night-partner = Близкий человек видел, как во сне у вас ритмично (каждые 20–40 секунд) сгибаются пальцы ног или стопы
night-paralysis = Сонный паралич: проснулись, но не могли пошевелиться
night-rested = Насколько вы отдохнули?
night-rested-score = Отдых: { $score } из 5
night-rested-low = совсем без сил
night-rested-high = полностью отдохнули
night-stress = Стресс вчера
night-stress-low = Слабый
night-stress-some = Средний
night-stress-high = Сильный
night-notes = Заметки
night-notes-hint = Что стоит запомнить (поздний кофе, долгая прогулка, шум за окном…)
night-save-note = Сохранить заметку
night-forget = Удалить запись об этой ночи
night-about = Что это за подёргивания и когда идти к врачу?
night-deleted = Запись о ночи с { $evening } на { $morning } удалена.

## Находки на экране ночи (слова карточек — в signs.ftl).

warnings-heading = Стоит показать врачу
night-helps-heading = Что помогает
night-helps-waiting = Сравнения появятся, когда наберётся хотя бы по { $nights } { $nights ->
    [one] ночи
    [few] ночи
   *[many] ночей
} после вечеров, когда шаг был выполнен, и после вечеров, когда он был пропущен.
night-no-warnings = За последние четыре недели не отмечено ни одного из признаков, с которыми статья советует идти к врачу.

## Сводка для врача на экране ночи. $path — куда она записана.

night-summary-heading = Сводка для врача
night-summary-intro = Записи о ночах за последние недели, признаки выше с их ночами, как шёл распорядок и насколько постоянным было время отхода ко сну: одна страница, чтобы распечатать или показать на приёме, или файл CSV для программ электронных таблиц.
night-summary-weeks = Недель:
night-summary-weeks-choice = { $weeks } { $weeks ->
    [one] неделя
    [few] недели
   *[many] недель
}
night-summary-html = Страница для печати (HTML)
night-summary-csv = Таблица (CSV)
night-summary-path = Сохранить в
night-summary-save = Сохранить сводку для врача
night-summary-saved = Сводка для врача сохранена: { $path }.
