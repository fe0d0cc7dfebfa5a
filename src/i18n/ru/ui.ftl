# Окно приложения (src/ui/): подписи, кнопки, имена для экранного диктора, баннеры.
# Названия шагов и пояснения к ним берутся из каталога, не отсюда.

## Рамка вокруг всех экранов.

ui-app-name = Bedtime Coach
ui-tab-tonight = Сегодня
ui-tab-routine = Распорядок
ui-tab-schedule = Режим сна
ui-tab-settings = Настройки
ui-offline = Без интернета: данные остаются на этом компьютере
# The header when the whole sentence does not fit beside the tabs (hover shows it).
ui-offline-short = Без интернета
ui-window-failed = Не удалось открыть окно ({ $error }); запущен ли графический сеанс?
ui-reminders-continue = Bedtime Coach: напоминания продолжат приходить и после закрытия окна (процесс { $pid }).

## Баннеры.

ui-no-file-watch = Изменения, сделанные вне этого окна, появятся после перезапуска ({ $error }).
ui-open-folder-failed = Ни один файловый менеджер не открыл папку ({ $error }). Вот её путь: { $path } — выделите текст, чтобы скопировать.
ui-step-removed = Шаг «{ $title }» убран из распорядка.
ui-undelivered = Напоминание — { $summary }. { $reason }
ui-undelivered-due = Напоминание — { $summary }: { $due }. { $reason }
ui-busy-gave-up = Изменение не сохранено: другой процесс Bedtime Coach занимает файлы уже { $seconds } с. Попробуйте ещё раз.
ui-busy-gave-up-pid = Изменение не сохранено: другой процесс Bedtime Coach (процесс { $pid }) занимает файлы уже { $seconds } с. Попробуйте ещё раз.
ui-busy-waiting = Ждём, пока другой процесс Bedtime Coach закончит сохранение…
ui-busy-waiting-pid = Ждём, пока другой процесс Bedtime Coach (процесс { $pid }) закончит сохранение…
ui-service-failed = Не удалось запустить службу напоминаний ({ $error }); пока она не работает, напоминания не приходят.
ui-autostart-on = Напоминания будут запускаться при входе в систему.
ui-autostart-off = Напоминания больше не запускаются при входе в систему.
ui-undo = Отменить
ui-open-folder = Открыть папку
ui-dismiss = Закрыть

## Поля для времени.

ui-time-hint = ЧЧ:ММ
ui-time-invalid = Введите время как ЧЧ:ММ, например 22:30
ui-bedtime = Отбой
ui-wake-time = Подъём
# Имена полей дня недели для экранного диктора; $day — день недели.
ui-day-bedtime = Ночь на { $next_on }: отбой
ui-day-wake-time = Ночь на { $next_on }: подъём
# После числа минут в числовом поле.
ui-unit-min = мин

## Сегодня. $time — ЧЧ:ММ, $duration — длительность.

ui-tonight-empty = Сегодня в распорядке нет шагов. Добавьте их на вкладке «Распорядок».
ui-tonight-bedtime-in = Отбой в { $time } — через { $duration }
ui-tonight-past-bedtime = Время отбоя ({ $time }) прошло — гасите свет, спокойной ночи
ui-tonight-over = Этот вечер закончился
# Только после отбоя: сколько осталось до будильника.
ui-tonight-sleep = { $duration } до будильника в { $wake }
ui-tonight-paused = Напоминания на этот вечер приостановлены.
ui-tonight-resume = Включить напоминания
ui-tonight-pause = Не напоминать сегодня
ui-tonight-no-coffee = После { $time } без кофе — лучше ромашковый чай или компот.
ui-tonight-caffeine-passed = С { $time } без кофеина — дальше ромашковый чай или компот.
ui-tonight-progress = { $done ->
    [one] Сделан { $done } шаг из { $total }
    [few] Сделано { $done } шага из { $total }
   *[many] Сделано { $done } шагов из { $total }
}
ui-tonight-progress-skipped = { $done ->
    [one] Сделан { $done } шаг из { $total }
    [few] Сделано { $done } шага из { $total }
   *[many] Сделано { $done } шагов из { $total }
}, { $skipped ->
    [one] пропущен { $skipped }
   *[other] пропущено { $skipped }
}
ui-tonight-all-done = Всё сделано — спокойной ночи.
ui-tonight-all-done-detail = На сегодня всё. Отложите экран; напоминаний больше не будет.
ui-tonight-why = Зачем этот шаг?
ui-tonight-hide-why = Скрыть пояснение
ui-status-in = через { $duration }
# Первый вечер: $time — когда распорядок был впервые сохранён (ЧЧ:ММ).
ui-tonight-not-counted-first = { $count ->
    [one] Распорядок начался в { $time }: { $count } шаг, время которого было раньше, сегодня не считается — ни в истории, ни в серии.
    [few] Распорядок начался в { $time }: { $count } шага, время которых было раньше, сегодня не считаются — ни в истории, ни в серии.
   *[many] Распорядок начался в { $time }: { $count } шагов, время которых было раньше, сегодня не считаются — ни в истории, ни в серии.
}
# Шаг, добавленный сегодня после своего времени.
ui-tonight-not-counted-added = { $count ->
    [one] { $count } шаг добавлен сегодня после своего времени: он считается с завтрашнего дня.
    [few] { $count } шага добавлены сегодня после своего времени: они считаются с завтрашнего дня.
   *[many] { $count } шагов добавлены сегодня после своего времени: они считаются с завтрашнего дня.
}
ui-done = Готово
ui-skip = Пропустить
# Имена для экранного диктора; $title — название шага.
ui-done-step = Готово: { $title }
ui-skip-step = Пропустить: { $title }
ui-undo-step = Отменить: { $title }
ui-humidity = Влажность в спальне (%)
ui-humidity-save = Сохранить
ui-humidity-invalid = число от 0 до 100
ui-humidity-hint = комфортно около 40–60 % (общая рекомендация, не из статьи)

## Распорядок.

ui-routine-preview = Так пройдёт сегодняшний вечер
ui-routine-reminder = напоминание
ui-routine-heading = Ваш распорядок
ui-routine-hint = Отмеченные шаги входят в вечер; снимите отметку, чтобы отключить шаг, не удаляя его.
ui-routine-use = Использовать: { $title }
ui-routine-delete = Удалить
ui-routine-delete-step = Удалить: { $title }
ui-routine-edit = Изменить
ui-routine-edit-step = Изменить: { $title }
ui-routine-when-remind = { $when } · напоминание
ui-routine-add-heading = Добавить шаг
ui-routine-all-added = Все шаги из статьи уже в распорядке.
ui-routine-from-article = Из статьи
ui-routine-add = Добавить
ui-routine-add-from-article = Добавить шаг из статьи
ui-routine-own = Свой шаг
ui-routine-own-hint = например, почитать бумажную книгу
ui-routine-add-own = Добавить свой шаг
ui-routine-edit-heading = Изменить шаг
ui-routine-edit-hint = Нажмите «Изменить» у шага, чтобы поменять название, время или напоминание.
ui-routine-title = Название
ui-routine-when = Когда
ui-routine-before-bedtime = До сна
ui-routine-after-waking = После пробуждения
ui-routine-at-time = В точное время
ui-routine-minutes = Минут
ui-routine-clock-time = Время
ui-routine-send-reminder = Напоминать
ui-routine-tonight-at = Сегодня в { $time }
ui-routine-turned-off = Этот шаг выключен.

## Режим сна.

ui-schedule-heading = Режим сна
ui-schedule-intro = Основа распорядка — постоянное время отбоя и подъём по будильнику в одно и то же время. В статье советуют спать не меньше восьми часов, а если этого мало — девять или десять.
ui-schedule-same = Каждый день одинаково
ui-schedule-per-day = В некоторые дни иначе
ui-schedule-rows = Каждая строка — одна ночь: от отбоя вечером до будильника на следующее утро.

## Настройки.

ui-settings-reminders = Напоминания
ui-settings-send = Присылать вечерние напоминания уведомлениями на рабочем столе
ui-settings-reminders-off = Напоминания выключены.
ui-settings-service-running = Их присылает служба напоминаний (процесс { $pid }); они приходят и когда это окно закрыто.
ui-settings-service-stopped = Служба напоминаний не запущена; она запускается вместе с этим окном или при входе в систему.
ui-settings-autostart = Запускать напоминания при входе в систему
ui-settings-snooze = Отложить на
ui-settings-grace = Присылать опоздавшие напоминания, если прошло не больше
ui-settings-appearance = Оформление
ui-settings-theme-system = Как в системе
ui-settings-theme-dark = Тёмное
ui-settings-theme-light = Светлое
ui-settings-theme-hint = Тёмное подходит для вечера: меньше света перед сном.
ui-settings-language = Язык
ui-settings-language-system = Язык системы
# Каждый язык — своим названием, одинаково на всех языках.
ui-settings-language-english = English
ui-settings-language-russian = Русский
ui-settings-season = Время года
ui-settings-northern = Северное полушарие
ui-settings-southern = Южное полушарие
ui-settings-season-hint = Осенью и зимой в вечер добавляется шаг о тёплых руках и ногах — по времени года там, где вы живёте.
ui-settings-data = Ваши данные
ui-settings-data-intro = Bedtime Coach работает без интернета. Ничего не покидает этот компьютер; всё хранится в файлах JSON здесь:
ui-settings-config-folder = Распорядок и настройки:
ui-settings-journal-folder = Дневник:
ui-settings-open-config-folder = Открыть папку распорядка и настроек
ui-settings-open-journal-folder = Открыть папку дневника

## Первая настройка.

ui-setup-welcome = Добро пожаловать в Bedtime Coach
ui-setup-intro = Подёргивания при засыпании бывают у многих и обычно безвредны. Помогает спокойный распорядок: постоянное время отбоя, тихий вечер, удобная спальня. Настройте его за минуту — всё можно изменить позже.
ui-setup-schedule = 1. Ваш режим сна
ui-setup-same-time = Отбой в { $time } совпадает с подъёмом; выберите время подъёма позже.
ui-setup-steps = 2. Вечерние шаги из статьи
ui-setup-preview = 3. Сегодняшний вечер с этим распорядком
ui-setup-save = Сохранить распорядок
ui-tonight-reassurance = Подёргивания при засыпании бывают у многих и обычно безвредны; спокойный и размеренный режим может сделать их реже. Если подёргивания продолжаются всю ночь или повторяются днём изо дня в день, стоит показаться врачу (неврологу).
# Вместо успокоения, пока в дневнике ночи есть признак (src/model/warnings.rs).
ui-tonight-signs-logged = В дневнике ночи отмечен признак, который, по словам статьи, стоит показать врачу; подробнее — на экране ночи.
ui-tonight-open-night = Открыть дневник ночи

## Первый запуск: полушарие и предпросмотр, который ждёт верного времени.

ui-setup-hemisphere = Где вы живёте?
ui-setup-hemisphere-first = Сначала выберите полушарие выше: от него зависит, когда наступает сезон этого шага.
ui-setup-preview-waits = Предпросмотр вернётся, когда оба времени будут в виде 22:30.

## Режим сна по ночам. $next_on — день, на который ночь («на воскресенье»).

# «Ночь на воскресенье:», затем «отбой [23:30] — подъём [09:00]».
ui-night = Ночь на { $next_on }:
ui-night-bed = отбой
ui-night-wake = — подъём
ui-schedule-groups = Задать сразу несколько ночей:
ui-group-workdays = Будни: ночи на понедельник – пятницу, отбой
ui-group-weekend = Выходные: ночи на субботу и воскресенье, отбой
ui-group-wake = — подъём
ui-group-workdays-bedtime = Будни: отбой
ui-group-workdays-wake = Будни: подъём
ui-group-weekend-bedtime = Выходные: отбой
ui-group-weekend-wake = Выходные: подъём
ui-schedule-kept = Ваши ночи по дням сохранены: выберите «В некоторые дни иначе», чтобы вернуть их.

## Редактор шага: минуты шагом по 5, причина своего шага, время утром.

ui-routine-five-less = На 5 минут меньше
ui-routine-five-more = На 5 минут больше
ui-routine-why = Зачем (необязательно)
ui-routine-why-hint = Чем этот шаг помогает вашему сну
ui-routine-morning-at = Утром в { $time }
## Настройки: пробное уведомление. $time — ЧЧ:ММ; $reason — предложение.

ui-settings-test = Прислать пробное уведомление
ui-settings-test-waiting = Ждём, пока служба напоминаний покажет пробное уведомление…
ui-settings-test-no-service = Служба напоминаний не запущена; она покажет пробное уведомление, когда запустится.
ui-settings-test-shown = Пробное уведомление показано в { $time }. Если вы его не заметили, проверьте настройки уведомлений рабочего стола.
ui-settings-test-failed = Пробное уведомление в { $time } показать не удалось. { $reason }
## Сегодня: состояние каждого шага, со своим значком; $time — ЧЧ:ММ.
# Значки только из встроенного шрифта Ubuntu (√ – ! •): тесты падают на отсутствующем символе.

ui-state-done-at = √ сделано в { $time }
ui-state-skipped = – пропущено
ui-state-missed = ! время прошло
# Шаг, время которого было до первого сохранения распорядка или до добавления шага.
ui-state-not-counted = – сегодня не считается
ui-state-due-now = • пора
ui-state-next = • следующий, через { $duration }
# Маленькая кнопка рядом с названием шага в фокусе; $title — название шага.
ui-tonight-why-button = Зачем?
ui-tonight-why-step = Зачем: { $title }
ui-tonight-hide-why-step = Скрыть пояснение: { $title }
# После отбоя несделанные шаги сворачиваются под этим заголовком.
ui-tonight-not-done = Не сделано сегодня: { $count }
ui-tonight-side-empty = На сегодня всё отмечено.
# Боковая панель после отбоя, пока остались неотмеченные шаги: говорим как есть.
ui-tonight-side-night = { $count ->
    [one] Время отбоя прошло: { $count } шаг сегодня не сделан. Он подождёт до завтра — сейчас важнее сон.
    [few] Время отбоя прошло: { $count } шага сегодня не сделаны. Они подождут до завтра — сейчас важнее сон.
   *[many] Время отбоя прошло: { $count } шагов сегодня не сделаны. Они подождут до завтра — сейчас важнее сон.
}
# До отбоя, когда ни один шаг не пора делать и следующего нет, но какие-то прошли без отметки.
ui-tonight-side-missed = { $count ->
    [one] Сейчас ничего делать не нужно. { $count } шаг прошёл без отметки — его ещё можно отметить.
    [few] Сейчас ничего делать не нужно. { $count } шага прошли без отметки — их ещё можно отметить.
   *[many] Сейчас ничего делать не нужно. { $count } шагов прошли без отметки — их ещё можно отметить.
}
ui-setup-test-hint = Проверьте, работают ли уведомления: пробное уведомление придёт сразу после сохранения распорядка.
ui-setup-test-asked = Запрос отправлен: пробное уведомление придёт после сохранения распорядка, результат — в настройках.

## Issue 12: дневник ночи (настройки).

ui-settings-morning-invitation = Утром предлагать записать, как прошла ночь

## Issue 24: история читается в отдельном потоке.

history-reading = Читаю вашу историю…
history-reading-months = Читаю вашу историю… { $read } из { $total } { $total ->
    [one] месяца
   *[other] месяцев
}
history-load-stopped = Не удалось прочитать историю: чтение прервалось без ответа.

## Настройки: компьютеры, которые пользуются папкой с данными (синхронизируемой, см.
## раздел README «Two computers»). $name — имя компьютера, $when — дата и время, $id —
## начало идентификатора компьютера.

ui-computers = Компьютеры, которые пользуются этой папкой
# Когда распорядок и дневник лежат в обычных, разных папках.
ui-computers-share-usual = Чтобы вести одну историю на двух компьютерах, выберите одну папку для всех данных (кнопкой ниже или через --data-dir), добавьте её в Syncthing, Nextcloud или Dropbox и выберите её на обоих компьютерах.
# Когда всё лежит в одной папке (--data-dir).
ui-computers-share-chosen = Чтобы вести одну историю на двух компьютерах, добавьте эту папку в Syncthing, Nextcloud или Dropbox и выберите её копию на другом компьютере (кнопкой ниже или через --data-dir).
ui-computers-this = (этот компьютер)
ui-computers-unnamed = Компьютер { $id }
ui-computers-last-wrote = последняя запись { $when }
ui-computers-not-written = ещё ничего не записывал в эту папку
ui-computers-name = Имя
ui-computers-name-of = Имя компьютера { $name }
ui-computers-forget = Забыть…
ui-computers-forget-named = Забыть { $name }…
ui-computers-forget-question = Забыть { $name }? Он больше не будет здесь в списке. Всё, что он записал, останется в вашей истории, а если он снова что-то запишет в эту папку, он снова появится в списке.
ui-computers-forget-confirm = Забыть
ui-computers-forget-keep = Оставить
ui-computers-unreadable = Не удалось узнать, какие компьютеры пользуются этой папкой: { $error }
ui-computers-open-folder = Открыть папку с данными
ui-computers-choose-folder = Выбрать другую папку для данных…
ui-computers-folder-dialog-title = Папка для данных Bedtime Coach
ui-computers-folder-path = Папка:
ui-computers-use-folder = Использовать эту папку
ui-computers-folder-next = Со следующего запуска Bedtime Coach (окна, напоминаний, запуска при входе) этот компьютер будет хранить данные в папке { $folder }. Всё, что лежит в нынешней папке, останется там: чтобы взять это с собой, экспортируйте данные здесь и импортируйте их там. До тех пор напоминания с этого компьютера не приходят.
ui-computers-usual-folders = Вернуться к обычным папкам
ui-computers-folder-usual-next = Со следующего запуска Bedtime Coach этот компьютер снова будет хранить данные в обычных папках.
