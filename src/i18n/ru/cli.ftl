# Текст командной строки для человека и её собственные сообщения об ошибках
# (src/cli/, src/main.rs). Вывод `--json` отсюда не берётся: он одинаков на всех языках.

## Общее.

cli-no-routine-yet = Распорядок ещё не сохранён, поэтому напоминаний пока не будет: завершите настройку в окне приложения или сохраните распорядок командой `bedtime-coach schedule` или `bedtime-coach routine`.
cli-reminders-off = Напоминания выключены.
cli-flag-remind = напомнить
cli-flag-off = выкл.

## plan.

cli-plan-header = { $evening } — отбой в { $bedtime }, будильник в { $wake } ({ $sleep } в постели)
cli-plan-default-routine = Это распорядок по умолчанию по советам статьи (время шагов выбрано приложением); изменить его можно командой `bedtime-coach routine` или в окне приложения.

## status.

cli-status-tonight = Сегодня вечером ({ $date }): { $done ->
    [one] сделан { $done } шаг
    [few] сделано { $done } шага
   *[many] сделано { $done } шагов
} из { $total }, пропущено: { $skipped }.
cli-status-bedtime-in = Отбой в { $time }, через { $duration }.
cli-status-bedtime-was = Отбой был в { $bedtime }; будильник в { $wake }.
cli-status-next-reminder = Следующее напоминание: «{ $title }» в { $time }.
cli-status-no-more-reminders = На сегодня напоминаний больше нет.
cli-status-paused = Напоминания приостановлены до конца вечера.

## check.

cli-check-done = { $title }: готово (вечер: { $date }).
cli-check-skipped = { $title }: пропущено (вечер: { $date }).
cli-check-undone = { $title }: отметка снята (вечер: { $date }).
cli-check-nothing-to-undo = Отменять нечего: у шага «{ $title }» нет отметки (вечер: { $date }).

## schedule.

cli-schedule-night = отбой { $bedtime }, подъём { $wake } — { $sleep }
cli-schedule-every-day = Каждый день: { $night }
cli-error-days-without-times = Укажите --bedtime и/или --wake, чтобы изменить эти дни.

## routine.

cli-routine-default = Это распорядок по умолчанию по советам статьи (время шагов выбрано приложением); изменить его можно здесь или в окне приложения.
cli-routine-added = Добавлен шаг «{ $title }» ({ $id }, { $anchor }).
cli-routine-removed = Шаг { $id } убран из распорядка; его прошлые отметки сохранены.
cli-routine-changed = «{ $title }» ({ $id }): { $anchor }, напоминание { $remind ->
    [on] включено
   *[off] выключено
}{ $enabled ->
    [yes] {""}
   *[no] , шаг выключен
}.
cli-routine-moved = Шаг { $id } теперь на { $position }-м месте.
cli-routine-unchanged = Менять нечего: шаг { $id } уже такой, как вы просили.

## remind.

cli-remind-paused = Напоминания приостановлены до конца вечера ({ $date }); завтра они вернутся.
cli-remind-resumed = Напоминания на этот вечер снова включены ({ $date }).

## autostart.

cli-autostart-enabled = Напоминания запускаются при входе в систему ({ $path }).
cli-autostart-disabled-in = Автозапуск отключён в { $path }.
cli-autostart-not-set = Напоминания не запускаются при входе в систему; включить это можно командой `bedtime-coach autostart on`.
cli-autostart-running = Служба напоминаний сейчас работает (процесс { $pid }).
cli-autostart-on = Напоминания будут запускаться при входе в систему ({ $path }).
cli-autostart-start-now = Чтобы запустить их сейчас, выполните `bedtime-coach remind &`.
cli-autostart-off = Напоминания больше не запускаются при входе в систему.
cli-autostart-was-off = Напоминания и так не запускались при входе в систему.
cli-autostart-stops-at-logout = Она остановится, когда вы выйдете из системы.
cli-shortcut-failed = Не удалось записать в ярлык { $link } идентификатор приложения для уведомлений: { $cause }
cli-autostart-other-program = Запускается другая копия Bedtime Coach ({ $program }); команда `bedtime-coach autostart on` переключит запуск на эту.

## Ошибки во введённом.

cli-error-clock-time = «{ $text }» — это не время; укажите ЧЧ:ММ, например 22:30
cli-error-date = { $text } — это не дата; укажите ГГГГ-ММ-ДД, например 2026-11-27
cli-error-date-range = { $text } — слишком далёкая дата; укажите дату с { $first } по { $last }
cli-error-weekday = «{ $text }» — это не день недели; укажите mon, tue, wed, thu, fri, sat или sun

## Когда результат не удаётся вывести.

cli-print-failed = Не удалось вывести результат: { $error }.
cli-print-failed-saved = Изменение сохранено, но вывести результат не удалось: { $error }.

## `remind --test`. $reason — предложение; $seconds — целое число.

help-remind-test = Попросить службу напоминаний показать пробное уведомление, дождаться ответа и выйти
cli-remind-test-shown = Пробное уведомление показано. Если его не видно, проверьте настройки уведомлений рабочего стола (например, режим «Не беспокоить»).
cli-remind-test-failed = Пробное уведомление показать не удалось. { $reason }
cli-remind-test-no-service = Служба напоминаний не запущена, поэтому пока ничего не показано; она покажет пробное уведомление, когда запустится (`bedtime-coach remind` или окно с включёнными напоминаниями).
cli-remind-test-no-answer = Служба напоминаний не ответила за { $seconds } с; она покажет пробное уведомление, когда в следующий раз заглянет в файлы.

## `remind --stop`. $pid — номер процесса или none.

help-remind-stop = Попросить работающую службу напоминаний для этих файлов остановиться, дождаться этого и выйти
cli-remind-stopped = Служба напоминаний{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
} остановлена; напоминаний не будет, пока она не запустится снова.
cli-remind-stop-none = Служба напоминаний для этих файлов не запущена, останавливать нечего.

## Issue 12: `night`, дневник ночи. $date — вечер, после которого была ночь.

cli-night-none = Записи о ночи после { $date } нет.
cli-night-saved = Ночь после { $date } записана.
cli-night-unchanged = У ночи после { $date } уже были эти ответы; ничего не изменилось.
cli-night-forgotten = Запись о ночи после { $date } удалена.
cli-night-header = Ночь после { $date }:
cli-night-header-at = Ночь после { $date } (записано { $logged } в { $time }):
cli-night-yes = да
cli-night-no = нет
cli-night-unanswered = нет ответа
cli-night-jerks = { $jerks ->
    [none] не было
    [few] раз-другой
   *[many] много
}
cli-night-rested-score = { $score } из 5
cli-night-stress-level = { $level ->
    [low] слабый
    [some] средний
   *[high] сильный
}
cli-night-q-falling-asleep = Подёргивания при засыпании
cli-night-q-jolt = Проснулись от толчка
cli-night-q-all-night = Подёргивания продолжались всю ночь
cli-night-q-daytime = Подёргивания днём
cli-night-q-restless-legs = Дрожь в ногах с засыпания и всю ночь, зуд, желание ими двигать
cli-night-q-partner = Близкий человек видел ритмичные движения пальцев ног или стоп
cli-night-q-paralysis = Сонный паралич
cli-night-q-rested = Насколько отдохнули
cli-night-q-stress = Стресс накануне
cli-night-q-note = Заметка
