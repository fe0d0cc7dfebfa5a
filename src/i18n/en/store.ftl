# The files: errors while reading or writing them, and the notices a repair leaves
# (src/store/). One sentence each, naming the file and giving the cause once.
# $path, $backup, $kept, $aside are file paths; $cause is the system's reason.
# $what is the kind of file: routine, journal, journal-month, computers or reminder-log.

## Sizes.

size-megabytes = { $whole }.{ $tenth } MB
size-kilobytes = { $whole }.{ $tenth } KB
size-bytes = { $count } { $count ->
    [one] byte
   *[other] bytes
}

## Errors.

# $action says what could not be done to $path.
store-error-io = Could not { $action ->
    [create-folder] create the folder
    [open-lock-file] open the lock file
    [lock] lock
    [read-link] read the link
    [save] save
    [find] find
    [back-up] back up
    [restore] restore
    [move-aside] move aside
    [keep-damaged-copy] keep a copy of the damaged file
    [remove] remove
   *[read] read
} { $path }: { $cause }.
store-error-this-program = Could not find this program: { $cause }.
store-error-encode = Could not write { $path }: { $cause }.
# $reason is one of the notices below.
store-error-read-only = Nothing was changed: { $reason }
store-error-no-home = Could not find your home folder; pass --data-dir DIR to choose where the files go.
store-error-too-large = Nothing was saved: your { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} would be { $size }, more than the { $max } that { $path } may hold, so it could not be read back.
store-error-not-regular = { $path } is not a regular file ({ $kind ->
    [folder] a folder
    [fifo] a FIFO
    [socket] a socket
    [device] a device
   *[other] not a file
}); move it away, then try again.
store-error-dangling-link = { $path } is a link to { $target }, which does not exist; reconnect the drive or restore that file, or remove the link to start afresh.
store-error-not-a-folder = { $path } is a file, not a folder; move it away or choose another folder with --data-dir.
store-error-not-unicode = { $path } cannot be the data folder: its name has characters that cannot be written down here; choose a folder with another name.
store-error-read-only-file-system = Nothing was changed: { $path } is on a read-only file system.
# $pid is a process number, or none; $seconds a whole number.
store-error-busy = Nothing was changed: another Bedtime Coach process{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
} kept { $path } locked for { $seconds } s; try again once it has finished.
store-waiting = Waiting for another Bedtime Coach process{ $pid ->
    [none] {""}
   *[other] {" "}(process { $pid })
} to finish with its files…

## Notices: a file left alone, restored, moved aside or migrated.

store-notice-too-large = { $path } is { $size }, more than the { $max } a { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} can be; it was left untouched and is open read-only.
# $shown: readonly when this version can still show the file, hidden when not.
store-notice-newer = { $path } was written by a newer version of Bedtime Coach (format { $version }, this one knows up to { $known }); { $shown ->
    [readonly] it is open read-only
   *[hidden] this version cannot show it
} and will not be overwritten. Update Bedtime Coach to make changes.
store-notice-migrated = Your { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} was updated from format { $from } to { $to }; the old file is kept as { $kept }.
# $why is one of the store-why-… reasons.
store-notice-months = Your journal is now kept as one file per month in the folder { $folder }, so saving stays quick however long your history grows; the single file it was is kept unchanged as { $kept }.
store-notice-pointer-damaged = { $path } could not be read; its contents are kept intact in { $aside }. Your journal itself is in the folder { $folder } and was read from there; { $path } was written again to say so.
store-notice-other-computer-damaged = { $path }, written by another computer that shares this folder, could not be read, nor its backup; what it holds is left out until that computer saves it again. Nothing of yours is lost.
store-notice-conflict-damaged = { $path } is a copy your sync tool made when two computers changed a file at once, and it could not be read; it was moved out of the shared folder and kept as { $kept }.
store-notice-conflict-not-moved = { $path } is a copy your sync tool made when two computers changed a file at once; { $damaged ->
    [yes] it could not be read, and it
   *[no] what it holds is in your journal, but it
} could not be moved out of the shared folder to { $folder } ({ $cause }); this is tried again at each change.
store-notice-conflict-newer = { $path } is a copy your sync tool made when two computers changed a file at once, written by a newer version of Bedtime Coach; it is left as it is. Update Bedtime Coach on this computer to take it in.
store-notice-backup-kept = The backup { $backup } could not be used ({ $why }); it is kept as { $kept } rather than replaced.
store-notice-not-flushed = { $path } was saved, but its folder could not be flushed to the disk ({ $cause }); should the power fail in the next moments, the change could be lost.
store-notice-restored = { $path } was missing; the last good copy, { $backup }, was restored.
store-notice-missing-backup-unusable = { $path } was missing and its backup could not be used ({ $why }); the backup is kept as { $kept }, and the { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} starts empty.
# $reason says what is wrong with the file; $outcome is one of the store-outcome-… phrases.
store-notice-damaged = { $path } could not be read ({ $reason }); its contents are kept intact in { $aside }, and { $outcome }.
store-outcome-restored = the last good copy, { $backup }, was restored
store-outcome-empty = no backup was found, so the { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} starts empty
store-outcome-backup-unusable = its backup could not be used either ({ $why }) and is kept as { $kept }, so the { $what ->
    [routine] routine
    [journal] journal
    [journal-month] journal's month
    [computers] list of computers
   *[reminder-log] reminder log
} starts empty

## Why a file or its backup cannot be used (inside the notices above).

store-why-size = it is { $size }
store-why-newer = it was written by a newer version of Bedtime Coach, format { $version }
store-why-not-updated = format { $version } could not be updated: { $reason }
store-why-no-migration = no migration from format { $version }
# $key is schema_version.
store-why-no-version = it has no { $key }
store-why-bad-version = its { $key } { $value } is not a format number
store-why-duplicate-key = the key "{ $key }" appears twice in one place
