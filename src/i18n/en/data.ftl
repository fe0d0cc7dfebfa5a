# The data in the user's hands: export and import (src/transfer.rs, src/store/transfer.rs,
# src/cli/export.rs, src/cli/import.rs, src/ui/data_transfer.rs).
# $path is a file path; counts are whole numbers.

## Command-line help.

help-export = Write the journal out: CSV for a spreadsheet, or JSON, the backup that import reads back
help-export-format = json (the backup, the default) or csv (one row per evening and step)
help-export-from = First evening to include (YYYY-MM-DD)
help-export-to = Last evening to include (YYYY-MM-DD)
help-export-output = Write to FILE instead of printing (CSV files start with a byte order mark for spreadsheets)
help-import = Merge a JSON export into the journal: shows what it adds, never duplicates an evening or a check-in
help-import-file = The JSON file written by export
help-import-dry-run = Only show what would be added; change nothing
help-import-routine = Where the file holds a routine, schedule and settings that differ from yours, take the file's (they are restored anyway where none is set up yet)

## The CSV export. The header names each column; the state of each step on the evening.

export-csv-column = { $column ->
    [date] Date
    [step] Step id
    [title] Title
    [state] State
    [time] Time
    [value] Value
    [planned] Planned for
   *[utc_offset] UTC offset
}
export-csv-state = { $state ->
    [done] done
    [skipped] skipped
   *[none] not marked
}

## Results.

export-done = Exported { $evenings ->
    [one] one evening
   *[other] { $evenings } evenings
} ({ $rows ->
    [one] one row
   *[other] { $rows } rows
}) to { $path }.
cli-export-from-after-to = --from { $from } is after --to { $to }; the first evening must come before the last.
import-preview-evenings = Evenings: new { $new }, already in your journal { $present }.
import-preview-check-ins = Check-ins: new { $new }, already in your journal { $present }.
import-preview-nights = Night logs: new { $new }, already in your journal { $present }.
import-preview-conflicts = Recorded differently in the file and in your journal: { $conflicts }. The later record wins: { $replaced } from the file will replace yours, the rest of yours stay.
import-preview-unknown = Fields this version does not know: { $fields } ({ $size }); they are kept as they are.
import-preview-undone = A check-in or night log you took back here comes back if this file still has it: taking back is not recorded.
import-preview-ours-later = Nothing in this file changes your journal: where the two differ, yours is the later record.
import-preview-details-only = No new evenings, check-ins or night logs; only details are added (which steps made up an evening and when they were planned, fields this version does not know).
import-preview-nothing = Everything in this file is already in your journal.
cli-import-dry-run = Nothing was changed (--dry-run).
import-routine-summary = { $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
}, bedtime { $bedtime }
import-routine-absent = The file holds no routine, schedule or settings (it was made by an earlier version): yours stay as they are.
import-routine-restored = It also holds a routine, schedule and settings ({ $theirs }): no routine is set up here yet, so they will be restored.
import-routine-differs = It also holds a routine, schedule and settings that differ from yours (the file: { $theirs }; here: { $here }). Yours stay unless you ask for the file's.
import-routine-differs-cli = To replace yours with the file's, import with --routine.
import-routine-replace = Replace my routine, schedule and settings with the file's
import-done-routine = The routine, schedule and settings from the file are now yours.
import-routine-will-replace = With --routine, the file's replace them.
import-done-routine-only = Imported { $path }: your journal already had all of its history; the routine, schedule and settings from the file are now yours.
import-done = Imported { $path }: { $evenings ->
    [one] one new evening
   *[other] { $evenings } new evenings
}, { $check_ins ->
    [one] one new check-in
   *[other] { $check_ins } new check-ins
}, { $nights ->
    [one] one new night log
   *[other] { $nights } new night logs
}, { $replaced } replaced by later records.
import-done-nothing = Nothing to import: everything in { $path } is already in your journal.
import-done-ours-later = Nothing to import: your journal has everything in { $path }, or a later record of it.
import-done-details-only = Imported { $path }: no new evenings, check-ins or night logs, only details (which steps made up an evening and when they were planned, fields this version does not know).

## Errors. Each says that nothing was changed where that is so.

transfer-error-own-file = { $path } is one of Bedtime Coach's own files; choose another name for this file.
transfer-error-routine-too-large = { $path } cannot be imported: the routine in it would take { $size }, more than the { $max } the routine file may hold; nothing was changed.
transfer-error-newer = { $path } was written by a newer Bedtime Coach (journal format { $version }; this version reads up to { $known }). Update Bedtime Coach to import it; nothing was changed.
transfer-error-newer-routine = { $path } was written by a newer Bedtime Coach (routine format { $version }; this version reads up to { $known }). Update Bedtime Coach to import it; nothing was changed.
transfer-error-damaged = { $path } cannot be imported, it is damaged or not a Bedtime Coach export ({ $reason }); nothing was changed.
transfer-error-not-a-journal = { $path } is not a journal export of Bedtime Coach (it has no evenings); nothing was changed.
transfer-error-too-large = { $path } is { $size }, more than the { $max } a journal can be, so it is not a journal export to import; nothing was changed.
transfer-error-invalid = { $path } cannot be imported: { $reason }; nothing was changed.
transfer-error-no-room = Importing { $path } would make your journal { $size }, more than the { $max } an import may leave it at (the rest is room for what you record next); nothing was changed.
transfer-error-not-a-file = { $path } is { $kind ->
    [folder] a folder
    [fifo] a FIFO
    [socket] a socket
    [device] a device
   *[other] something other than a file
}, not a file to write to; choose a file name.
transfer-error-csv = Could not write the CSV export: { $error }.

## The window: Settings → Your data (src/ui/data_transfer.rs).

ui-data-heading = Export and import
ui-data-intro = Export your journal as CSV for a spreadsheet, or as JSON, the backup that Import reads back. Import merges a JSON export into this journal without duplicating anything.
ui-data-export-csv = Export as CSV…
ui-data-export-json = Export as JSON…
ui-data-import = Import…
ui-data-export-csv-title = Export the journal as CSV
ui-data-export-json-title = Export the journal as JSON
ui-data-import-title = Import a journal export (JSON)
# Said at once while the desktop is asked for its dialog (given up on within 2 s).
ui-data-dialog-looking = Looking for a file dialog…
ui-data-dialog-open = Choose the file in the dialog…
ui-data-export-path = Save the export as
ui-data-export-go = Export
ui-data-import-path = File to import
ui-data-import-go = Show what it adds
ui-data-cancel = Cancel
ui-data-preview-heading = Importing { $path }:
ui-data-import-confirm = Import
ui-data-type-path = Type a path instead
ui-data-no-dialog = No file dialog could be shown on this desktop; type the file's full path.

# Export and import on a thread of their own
ui-data-working-export = Writing the export…
ui-data-working-preview = Reading the file…
ui-data-working-import = Importing…
ui-data-work-stopped = The export or import stopped before it finished. Your journal is as it was or fully imported, never half; please try again.
