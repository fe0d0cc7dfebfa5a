# Ваши данные: экспорт и импорт (src/transfer.rs, src/store/transfer.rs,
# src/cli/export.rs, src/cli/import.rs, src/ui/data_transfer.rs).
# $path — путь к файлу; числа — целые.

## Справка командной строки.

help-export = Выгрузить дневник: CSV для таблиц или JSON — резервную копию, которую читает import
help-export-format = json (резервная копия, по умолчанию) или csv (строка на каждый вечер и шаг)
help-export-from = Первый вечер выгрузки (ГГГГ-ММ-ДД)
help-export-to = Последний вечер выгрузки (ГГГГ-ММ-ДД)
help-export-output = Записать в файл FILE, а не выводить (файл CSV начинается с метки порядка байтов для табличных программ)
help-import = Добавить в дневник выгрузку JSON: показывает, что добавится, и никогда не дублирует вечер или отметку
help-import-file = Файл JSON, записанный командой export
help-import-dry-run = Только показать, что добавится, ничего не меняя
help-import-routine = Если в файле есть распорядок, расписание и настройки, отличные от ваших, взять их из файла (там, где распорядок ещё не настроен, они восстанавливаются и так)

## Выгрузка CSV. Заголовки столбцов; состояние шага в тот вечер.

export-csv-column = { $column ->
    [date] Дата
    [step] Код шага
    [title] Название
    [state] Состояние
    [time] Время
    [value] Значение
    [planned] По плану
   *[utc_offset] Смещение от UTC
}
export-csv-state = { $state ->
    [done] выполнен
    [skipped] пропущен
   *[none] не отмечен
}

## Итоги.

export-done = Выгружено в { $path }: вечеров — { $evenings }, строк — { $rows }.
cli-export-from-after-to = --from { $from } позже, чем --to { $to }; первый вечер должен идти раньше последнего.
import-preview-evenings = Вечера: новых — { $new }, уже есть в дневнике — { $present }.
import-preview-check-ins = Отметки: новых — { $new }, уже есть в дневнике — { $present }.
import-preview-nights = Записи о ночи: новых — { $new }, уже есть в дневнике — { $present }.
import-preview-conflicts = Записано по-разному в файле и в дневнике: { $conflicts }. Побеждает более поздняя запись: из файла заменят ваши — { $replaced }, остальные ваши останутся.
import-preview-unknown = Полей, которых эта версия не знает: { $fields } ({ $size }); они сохранятся как есть.
import-preview-undone = Отметка или запись о ночи, которую вы здесь отменили, вернётся, если она есть в файле: отмены не записываются.
import-preview-ours-later = Ничто из этого файла не изменит дневник: где записи расходятся, ваша сделана позже.
import-preview-details-only = Новых вечеров, отметок и записей о ночи нет; добавятся только подробности (из каких шагов состоял вечер и на какое время они были запланированы, поля, которых эта версия не знает).
import-preview-nothing = Всё из этого файла уже есть в дневнике.
cli-import-dry-run = Ничего не изменено (--dry-run).
import-routine-summary = { $steps ->
    [one] { $steps } шаг
    [few] { $steps } шага
   *[other] { $steps } шагов
}, отбой в { $bedtime }
import-routine-absent = В файле нет распорядка, расписания и настроек (его сделала более ранняя версия): ваши остаются как есть.
import-routine-restored = В файле есть и распорядок, расписание и настройки ({ $theirs }): здесь распорядок ещё не настроен, поэтому они будут восстановлены.
import-routine-differs = В файле есть и распорядок, расписание и настройки, которые отличаются от ваших (в файле: { $theirs }; здесь: { $here }). Ваши остаются, если вы не попросите взять из файла.
import-routine-differs-cli = Чтобы заменить ваши на те, что в файле, импортируйте с --routine.
import-routine-replace = Заменить мой распорядок, расписание и настройки на те, что в файле
import-done-routine = Распорядок, расписание и настройки из файла теперь ваши.
import-routine-will-replace = С --routine их заменят те, что в файле.
import-done-routine-only = Импортирован { $path }: вся его история уже была в дневнике; распорядок, расписание и настройки из файла теперь ваши.
import-done = Импортирован { $path }: новых вечеров — { $evenings }, отметок — { $check_ins }, записей о ночи — { $nights }, заменено более поздними — { $replaced }.
import-done-nothing = Импортировать нечего: всё из { $path } уже есть в дневнике.
import-done-ours-later = Импортировать нечего: всё из { $path } уже есть в дневнике или записано в нём позже.
import-done-details-only = Импортирован { $path }: новых вечеров, отметок и записей о ночи нет, только подробности (из каких шагов состоял вечер и на какое время они были запланированы, поля, которых эта версия не знает).

## Ошибки. Где это так, сказано, что ничего не изменено.

transfer-error-own-file = { $path } — один из собственных файлов Bedtime Coach; выберите для этого файла другое имя.
transfer-error-routine-too-large = { $path } нельзя импортировать: распорядок из него занял бы { $size }, а файл распорядка может вместить не больше { $max }; ничего не изменено.
transfer-error-newer = { $path } записан более новой версией Bedtime Coach (формат дневника { $version }, эта версия читает до { $known }). Обновите Bedtime Coach, чтобы его импортировать; ничего не изменено.
transfer-error-newer-routine = { $path } записан более новой версией Bedtime Coach (формат распорядка { $version }, эта версия читает до { $known }). Обновите Bedtime Coach, чтобы его импортировать; ничего не изменено.
transfer-error-damaged = { $path } нельзя импортировать: он повреждён или не является выгрузкой Bedtime Coach ({ $reason }); ничего не изменено.
transfer-error-not-a-journal = { $path } — не выгрузка дневника Bedtime Coach (в нём нет вечеров); ничего не изменено.
transfer-error-too-large = { $path } занимает { $size }, больше { $max }, которые может занимать дневник, так что это не выгрузка для импорта; ничего не изменено.
transfer-error-invalid = { $path } нельзя импортировать: { $reason }; ничего не изменено.
transfer-error-no-room = После импорта { $path } дневник занял бы { $size }, больше { $max }, до которых его может довести импорт (остальное — место для новых записей); ничего не изменено.
transfer-error-not-a-file = { $path } — { $kind ->
    [folder] папка
    [fifo] FIFO
    [socket] сокет
    [device] устройство
   *[other] не обычный файл
}, а не файл, в который можно записать; выберите имя файла.
transfer-error-csv = Не удалось записать выгрузку CSV: { $error }.

## Окно: Настройки → Ваши данные (src/ui/data_transfer.rs).

ui-data-heading = Выгрузка и импорт
ui-data-intro = Выгрузите дневник в CSV для таблиц или в JSON — резервную копию, которую читает импорт. Импорт добавляет выгрузку JSON в этот дневник, ничего не дублируя.
ui-data-export-csv = Выгрузить в CSV…
ui-data-export-json = Выгрузить в JSON…
ui-data-import = Импортировать…
ui-data-export-csv-title = Выгрузка дневника в CSV
ui-data-export-json-title = Выгрузка дневника в JSON
ui-data-import-title = Импорт выгрузки дневника (JSON)
# Said at once while the desktop is asked for its dialog (given up on within 2 s).
ui-data-dialog-looking = Ищем окно выбора файла…
ui-data-dialog-open = Выберите файл в открывшемся окне…
ui-data-export-path = Сохранить выгрузку как
ui-data-export-go = Выгрузить
ui-data-import-path = Файл для импорта
ui-data-import-go = Показать, что добавится
ui-data-cancel = Отмена
ui-data-preview-heading = Импорт { $path }:
ui-data-import-confirm = Импортировать
ui-data-type-path = Ввести путь вручную
ui-data-no-dialog = Окно выбора файла на этом рабочем столе не открылось; введите полный путь к файлу.

# Export and import on a thread of their own
ui-data-working-export = Записываем выгрузку…
ui-data-working-preview = Читаем файл…
ui-data-working-import = Импортируем…
ui-data-work-stopped = Выгрузка или импорт прервались, не закончившись. Дневник остался прежним или импортирован целиком, но не наполовину; попробуйте ещё раз.
