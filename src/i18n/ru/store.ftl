# Файлы: ошибки чтения и записи и сообщения об их починке (src/store/).
# По одному предложению: какой файл и почему, причина — один раз.
# $what — вид файла: routine, journal или reminder-log.

## Размеры.

size-megabytes = { $whole },{ $tenth } МБ
size-kilobytes = { $whole },{ $tenth } КБ
size-bytes = { $count } { $count ->
    [one] байт
    [few] байта
   *[many] байт
}

## Ошибки.

store-error-io = Не удалось { $action ->
    [create-folder] создать папку
    [open-lock-file] открыть файл блокировки
    [lock] заблокировать
    [read-link] прочитать ссылку
    [save] сохранить
    [find] найти
    [back-up] сохранить резервную копию
    [restore] восстановить
    [move-aside] отложить в сторону
    [keep-damaged-copy] сохранить копию повреждённого файла
    [remove] удалить
   *[read] прочитать
} { $path }: { $cause }.
store-error-this-program = Не удалось найти саму программу: { $cause }.
store-error-encode = Не удалось записать { $path }: { $cause }.
store-error-read-only = Ничего не изменено: { $reason }
store-error-no-home = Не удалось найти вашу домашнюю папку; укажите --data-dir DIR, чтобы выбрать, где хранить файлы.
store-error-too-large = Ничего не сохранено: { $what ->
    [routine] распорядок
    [journal] дневник
    [journal-month] месяц дневника
   *[reminder-log] журнал напоминаний
} занял бы { $size }, а { $path } вмещает не больше { $max }, так что его не удалось бы прочитать обратно.
store-error-not-regular = { $path } — не обычный файл ({ $kind ->
    [folder] это папка
    [fifo] это канал FIFO
    [socket] это сокет
    [device] это устройство
   *[other] это не файл
}); уберите его и попробуйте снова.
store-error-dangling-link = { $path } — ссылка на { $target }, а такого файла нет; подключите диск или восстановите этот файл либо удалите ссылку, чтобы начать заново.
store-error-not-a-folder = { $path } — файл, а не папка; уберите его или выберите другую папку через --data-dir.
store-error-read-only-file-system = Ничего не изменено: { $path } находится на файловой системе только для чтения.
store-error-busy = Ничего не изменено: другой процесс Bedtime Coach{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
} держал { $path } заблокированным { $seconds } с; попробуйте снова, когда он закончит.
store-waiting = Ждём, пока другой процесс Bedtime Coach{ $pid ->
    [none] {""}
   *[other] {" "}(процесс { $pid })
} закончит работу со своими файлами…

## Сообщения: файл оставлен как есть, восстановлен, отложен или обновлён.

store-notice-too-large = Файл { $path } занимает { $size }, а { $what ->
    [routine] распорядок
    [journal] дневник
    [journal-month] месяц дневника
   *[reminder-log] журнал напоминаний
} не может быть больше { $max }; файл оставлен без изменений и открыт только для чтения.
store-notice-newer = Файл { $path } записан более новой версией Bedtime Coach (формат { $version }, эта версия знает форматы до { $known }); { $shown ->
    [readonly] он открыт только для чтения
   *[hidden] эта версия не может его показать
}, и перезаписан он не будет. Чтобы вносить изменения, обновите Bedtime Coach.
store-notice-migrated = { $what ->
    [routine] Ваш распорядок
    [journal] Ваш дневник
    [journal-month] Ваш месяц дневника
   *[reminder-log] Ваш журнал напоминаний
} переведён с формата { $from } на формат { $to }; старый файл сохранён как { $kept }.
store-notice-months = Теперь дневник хранится по одному файлу на месяц в папке { $folder }, чтобы сохранение оставалось быстрым, сколько бы лет ни набралось; прежний единый файл сохранён без изменений как { $kept }.
store-notice-pointer-damaged = Файл { $path } не удалось прочитать; его содержимое без изменений сохранено в { $aside }. Сам дневник лежит в папке { $folder } и прочитан оттуда; файл { $path } записан заново.
store-notice-other-computer-damaged = Не удалось прочитать ни { $path }, записанный другим компьютером с этой же папкой, ни его резервную копию; его записи не учитываются, пока тот компьютер не сохранит файл снова. Ваши записи не потеряны.
store-notice-conflict-damaged = { $path } — копия, которую программа синхронизации сделала, когда два компьютера изменили файл одновременно; её не удалось прочитать. Она убрана из общей папки и сохранена как { $kept }.
store-notice-backup-kept = Резервную копию { $backup } не удалось использовать ({ $why }); она не заменена, а сохранена как { $kept }.
store-notice-not-flushed = { $path } сохранён, но его папку не удалось сбросить на диск ({ $cause }); если сейчас пропадёт питание, изменение может потеряться.
store-notice-restored = Файл { $path } пропал; восстановлена последняя исправная копия, { $backup }.
store-notice-missing-backup-unusable = Файл { $path } пропал, а его резервную копию не удалось использовать ({ $why }); копия сохранена как { $kept }, а { $what ->
    [routine] распорядок
    [journal] дневник
    [journal-month] месяц дневника
   *[reminder-log] журнал напоминаний
} начинается с чистого листа.
store-notice-damaged = Файл { $path } не удалось прочитать ({ $reason }); его содержимое без изменений сохранено в { $aside }, а { $outcome }.
store-outcome-restored = восстановлена последняя исправная копия, { $backup }
store-outcome-empty = резервной копии нет, поэтому { $what ->
    [routine] распорядок
    [journal] дневник
    [journal-month] месяц дневника
   *[reminder-log] журнал напоминаний
} начинается с чистого листа
store-outcome-backup-unusable = резервную копию тоже не удалось использовать ({ $why }), она сохранена как { $kept }, поэтому { $what ->
    [routine] распорядок
    [journal] дневник
    [journal-month] месяц дневника
   *[reminder-log] журнал напоминаний
} начинается с чистого листа

## Почему файл или его резервную копию нельзя использовать.

store-why-size = он занимает { $size }
store-why-newer = он записан более новой версией Bedtime Coach, формат { $version }
store-why-not-updated = формат { $version } не удалось обновить: { $reason }
store-why-no-migration = перехода с формата { $version } нет
store-why-no-version = в нём нет { $key }
store-why-bad-version = его { $key } { $value } — не номер формата
store-why-duplicate-key = ключ «{ $key }» встречается дважды в одном месте
