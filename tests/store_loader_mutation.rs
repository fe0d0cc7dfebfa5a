//! Random byte-level damage to valid routine, journal and reminder files: every load
//! either reads the file as it is, or keeps its exact bytes in a file of their own
//! (`NAME.corrupt-*`, or `NAME.vN.bak` before a migration). Nothing panics, nothing is
//! lost. The journal, kept by month, is damaged in a month file and, separately, in the
//! pointer `journal.json`; the routine in `routine.json`, in this computer's
//! `routine.DEVICE.json` and in another computer's (read from its backup or left out,
//! never written). Runs in-process against the library; a tiny PRNG keeps it
//! deterministic (set BEDTIME_COACH_MUTATION_SEED to try other seeds).

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use bedtime_coach::model::plan::planned_times;
use bedtime_coach::model::routine_merge::{Changes, Stamp};
use bedtime_coach::model::{CheckIn, Evening, Journal, Outcome, ReminderLog, RoutineFile};
use bedtime_coach::store::{Paths, StampedRoutine, Store, StoreError, to_bytes};
use chrono::{DateTime, NaiveDate, TimeDelta};

const CASES_PER_KIND: usize = 3000;

/// xorshift64: varied enough for damage, and the same damage for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that make JSON interesting when they appear in the wrong place.
const JSONISH: &[u8] = b"{}[]\":,0123456789-.eE \\nultrfas\xff\x00";

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(3) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let byte = if rng.below(2) == 0 { JSONISH[rng.below(JSONISH.len())] } else { rng.next() as u8 };
                bytes.insert(at, byte);
            }
            2 if len > 0 => {
                let end = (at + 1 + rng.below(8)).min(len);
                bytes.drain(at.min(len - 1)..end);
            }
            3 if len > 0 => {
                // Duplicate a span: repeats keys, dates, whole evenings.
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let span = bytes[start..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, span);
            }
            4 => bytes.truncate(at),
            _ => {
                let i = rng.below(len.max(1));
                if let Some(b) = bytes.get_mut(i) {
                    *b = JSONISH[rng.below(JSONISH.len())];
                }
            }
        }
    }
    bytes
}

fn journal() -> Journal {
    let mut journal = Journal::default();
    let first = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T21:00:00+01:00").unwrap();
    for day in 0..4 {
        for (n, step) in ["warm-bath", "lights-out", "humidity-check"].iter().enumerate() {
            let outcome = if (day + n) % 3 == 0 { Outcome::Skipped } else { Outcome::Done };
            let value = (*step == "humidity-check").then_some(41.5);
            journal.record(first + TimeDelta::days(day as i64), step, CheckIn::new(outcome, at, value));
        }
    }
    // Each evening with the times it was planned with (damage to those too).
    for (date, evening) in journal.evenings.iter_mut() {
        evening.times = Some(planned_times(&RoutineFile::default(), *date, at));
    }
    journal
}

fn reminder_log() -> ReminderLog {
    let mut log = ReminderLog::default();
    let evening = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    log.set_paused(evening, true);
    log.snooze(evening, "lights-out", DateTime::parse_from_rfc3339("2026-11-26T22:10:00+01:00").unwrap());
    log.file_notices.push("a notice \"quoted\" \\ and ünïcode".into());
    log
}

/// A scratch folder on a tmpfs when there is one: thousands of fsyncs stay cheap.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).unwrap()
}

fn clear(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { fs::remove_dir_all(path).unwrap() } else { fs::remove_file(path).unwrap() }
    }
}

/// Every file under `dir` (its folders' too) with its bytes.
fn files_in(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_in(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    files
}

/// Writes `files` (from [`files_in`] on another folder, `from`) into `to`.
fn copy_files(files: &BTreeMap<PathBuf, Vec<u8>>, from: &Path, to: &Path) {
    for (path, bytes) in files {
        let target = to.join(path.strip_prefix(from).unwrap());
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
}

/// What one kind of damage is done to.
struct Target<'a> {
    /// The file damaged, inside the data folder: `routine.json`, `journal/2026-11.json`.
    file: &'a str,
    /// Its valid bytes.
    original: Vec<u8>,
    /// The data folder around it, undamaged (its other files).
    template: Option<&'a Path>,
}

/// Damages `target` in `CASES_PER_KIND` ways; `load` loads the data folder, then `check`
/// says what it finds wrong in what was loaded (`restored`: the file was repaired while
/// its good backup was there).
fn run<T>(
    target: Target,
    load: impl Fn(&Store) -> Result<T, String>,
    check: impl Fn(&T, bool) -> Result<(), String>,
    seed: u64,
) {
    let Target { file: name, original, template } = target;
    let around = template.map(files_in).unwrap_or_default();
    let dir = scratch();
    let store = Store::new(Paths::in_dir(dir.path()));
    let path = dir.path().join(name);
    let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut rng = Rng(seed);
    let mut repaired = 0;
    for case in 0..CASES_PER_KIND {
        clear(dir.path());
        if let Some(template) = template {
            copy_files(&around, template, dir.path());
        }
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let damaged = mutate(&mut rng, &original);
        fs::write(&path, &damaged).unwrap();
        let with_backup = case % 2 == 0;
        if with_backup {
            // Half the cases have a good backup to fall back on.
            fs::write(dir.path().join(format!("{name}.bak")), &original).unwrap();
        }
        let context = || format!("{name} case {case} (seed {seed}): {:?}", String::from_utf8_lossy(&damaged));
        let loaded = load(&store).unwrap_or_else(|error| panic!("{}: load failed: {error}", context()));
        store.take_notices();
        let unchanged = fs::read(&path).ok().as_deref() == Some(damaged.as_slice());
        if let Err(error) = check(&loaded, with_backup && !unchanged) {
            panic!("{}: {error}", context());
        }
        if unchanged {
            continue; // read as it is (perhaps read-only, a "newer" version)
        }
        repaired += 1;
        let kept = fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().path()).any(|p| {
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            let aside =
                file.starts_with(&format!("{file_name}.corrupt-")) || file.starts_with(&format!("{file_name}.v"));
            aside && fs::read(&p).unwrap() == damaged
        });
        assert!(kept, "{}: changed on disk, but its bytes were not kept aside", context());
        // The repair is done once and for all: the next process finds nothing to say.
        let again = Store::new(Paths::in_dir(dir.path()));
        load(&again).unwrap_or_else(|error| panic!("{}: load after the repair failed: {error}", context()));
        let notices = again.take_notices();
        assert!(notices.is_empty(), "{}: the repaired folder still needs a repair: {notices:?}", context());
    }
    println!("{name}: {repaired} of {CASES_PER_KIND} cases needed a repair");
    // The damage must have been real most of the time, or this test proves little.
    assert!(repaired > CASES_PER_KIND / 2, "{name}: only {repaired} of {CASES_PER_KIND} cases needed a repair");
}

fn seed() -> u64 {
    std::env::var("BEDTIME_COACH_MUTATION_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_b0d7_1e5e_ed01) | 1
}

/// [`journal`] and an evening in October: two months, so that damage to one month file
/// can be seen to leave the other alone.
fn two_months() -> Journal {
    let mut journal = journal();
    let at = DateTime::parse_from_rfc3339("2026-10-31T21:00:00+01:00").unwrap();
    journal.record(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(), "warm-bath", CheckIn::new(Outcome::Done, at, None));
    journal.extra.insert("sync_token".into(), serde_json::json!("abc"));
    journal
}

/// A data folder holding `journal` as this version keeps it: a pointer and month files.
fn journal_by_month(journal: &Journal) -> tempfile::TempDir {
    let dir = scratch();
    let store = Store::new(Paths::in_dir(dir.path()));
    store
        .update_journal(|here| {
            *here = journal.clone();
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert!(store.take_notices().is_empty());
    dir
}

#[test]
fn damaged_journals_load_or_are_kept_aside() {
    let whole = two_months();
    let folder = journal_by_month(&whole);
    let template = folder.path();
    assert!(support::own_month(template, "2026-10.json").is_file());
    let load = |store: &Store| store.load_journal().map(|loaded| loaded.value).map_err(|e| e.to_string());
    // A month file: the other month is read as it was, and a repair with the backup
    // there brings back the whole journal.
    let month = support::own_month(template, "2026-11.json");
    let october = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    // Each copy of the folder keeps the template's device id: the month is its own.
    let month_name = format!("journal/{}", month.file_name().unwrap().to_string_lossy());
    run(
        Target { file: &month_name, original: fs::read(&month).unwrap(), template: Some(template) },
        load,
        |loaded, restored| {
            if loaded.evening(october) != whole.evening(october) {
                return Err(format!("October changed: {loaded:?}"));
            }
            if restored && loaded.evenings != whole.evenings {
                return Err(format!("the backup was not restored: {loaded:?}"));
            }
            Ok(())
        },
        seed() ^ 16,
    );
    // The pointer: the months are the journal, whatever becomes of it.
    let pointer = template.join("journal.json");
    run(
        Target { file: "journal.json", original: fs::read(&pointer).unwrap(), template: Some(template) },
        load,
        |loaded, _| match loaded.evenings == whole.evenings {
            true => Ok(()),
            false => Err(format!("evenings lost: {loaded:?}")),
        },
        seed(),
    );
}

#[test]
fn damaged_routines_load_or_are_kept_aside() {
    let routine_file = RoutineFile::default();
    run(
        Target { file: "routine.json", original: to_bytes(&routine_file).unwrap(), template: None },
        |store| store.load_routine_file().map(|_| ()).map_err(|e| e.to_string()),
        |_, _| Ok(()),
        seed() ^ 2,
    );
}

/// This computer's id in the folders below, and another computer's.
const OWN: &str = "00000000000000a1";
const OTHER: &str = "00000000000000b2";

/// A routine file of a computer (format 2): its view and the stamps of its changes.
fn stamped_routine(device: &str) -> StampedRoutine {
    let mut routine_file = RoutineFile::default();
    routine_file.settings.grace_minutes = 25;
    routine_file.routine.steps.remove(1);
    let mut changes = Changes::default();
    let at = DateTime::parse_from_rfc3339("2026-12-06T21:00:00Z").unwrap().to_utc();
    for field in ["settings.grace_minutes", &format!("step.{}", RoutineFile::default().routine.steps[1].id)] {
        changes.fields.insert(field.to_owned(), Stamp::change(at, device));
    }
    StampedRoutine { file: routine_file, changes }
}

/// A folder with this computer's id (in the folder itself, as `Paths::in_dir` keeps it).
fn with_device_id() -> tempfile::TempDir {
    let dir = scratch();
    fs::write(dir.path().join("device-id"), format!("{OWN}\n")).unwrap();
    dir
}

#[test]
fn damaged_own_routine_files_load_or_are_kept_aside() {
    let template = with_device_id();
    let name = format!("routine.{OWN}.json");
    run(
        Target { file: &name, original: to_bytes(&stamped_routine(OWN)).unwrap(), template: Some(template.path()) },
        |store| store.load_routine_file().map(|_| ()).map_err(|e| e.to_string()),
        |_, _| Ok(()),
        seed() ^ 6,
    );
}

/// Another computer's file is never repaired here: whatever its damage, loading answers,
/// its bytes stay as they are, its good backup is read instead, and what cannot be read
/// is said once.
#[test]
fn damaged_routine_files_of_another_computer_are_read_from_their_backup_or_left_out() {
    let original = to_bytes(&stamped_routine(OTHER)).unwrap();
    let path_name = format!("routine.{OTHER}.json");
    let mut rng = Rng(seed() ^ 7);
    let (mut left_out, mut from_backup) = (0, 0);
    for case in 0..CASES_PER_KIND / 3 {
        let dir = with_device_id();
        let path = dir.path().join(&path_name);
        let damaged = mutate(&mut rng, &original);
        fs::write(&path, &damaged).unwrap();
        let with_backup = case % 2 == 0;
        if with_backup {
            fs::write(dir.path().join(format!("{path_name}.bak")), &original).unwrap();
        }
        let context = || format!("case {case}: {:?}", String::from_utf8_lossy(&damaged));
        let store = Store::new(Paths::in_dir(dir.path()));
        let loaded = store.load_routine_file().unwrap_or_else(|error| panic!("{}: {error}", context()));
        let notices = store.take_notices();
        assert_eq!(fs::read(&path).unwrap(), damaged, "{}: never written here", context());
        let said = notices.iter().any(|notice| notice.message.contains("written by another computer"));
        if said {
            left_out += 1;
            assert!(!with_backup, "{}: its good backup was there", context());
            assert!(loaded.is_first_run(), "{}: nothing else to read", context());
        } else if with_backup && loaded.value == stamped_routine(OTHER).file {
            from_backup += 1;
        }
        store.load_routine_file().unwrap();
        assert!(
            store.take_notices().iter().all(|notice| !notice.message.contains("another computer")),
            "{}: said once",
            context()
        );
    }
    assert!(
        left_out > CASES_PER_KIND / 12 && from_backup > CASES_PER_KIND / 12,
        "{left_out} left out, {from_backup} from backups"
    );
}

#[test]
fn damaged_reminder_logs_load_or_are_kept_aside() {
    let log = reminder_log();
    run(
        Target { file: "reminders.json", original: to_bytes(&log).unwrap(), template: None },
        |store| store.load_reminders().map(|_| ()).map_err(|e| e.to_string()),
        |_, _| Ok(()),
        seed() ^ 4,
    );
}

/// An export worth damaging: check-ins with a value, a night log with a note, recorded
/// routines, and fields of a newer version at every level.
fn export() -> Vec<u8> {
    use bedtime_coach::model::NightLog;
    let mut journal = journal();
    let at = DateTime::parse_from_rfc3339("2026-11-21T07:30:00+01:00").unwrap();
    for (date, evening) in journal.evenings.iter_mut() {
        // Each check-in on its own evening (journal() stamps them all on the first).
        let stamp = DateTime::parse_from_rfc3339(&format!("{date}T21:00:00+01:00")).unwrap();
        evening.checks.values_mut().for_each(|check| check.at = stamp);
        evening.times.iter_mut().for_each(|times| times.at = stamp);
        evening.routine = Some(vec!["warm-bath".into(), "lights-out".into(), "humidity-check".into()]);
        if date.format("%d").to_string() == "20" {
            evening.night =
                Some(NightLog { at: Some(at), rested: Some(4), note: "tea at 9".into(), ..NightLog::default() });
            evening.extra.insert("weather".into(), serde_json::json!("rain"));
        }
    }
    journal.extra.insert("future".into(), serde_json::json!({"a": [1, 2]}));
    to_bytes(&journal).unwrap()
}

/// Random damage to an import file (a one-file backup): every preview either refuses it
/// with one sentence (the journal's files and the file untouched) or takes it; every import that follows saves a
/// journal that loads back whole and valid, and a second import of the same file changes
/// nothing. Nothing panics.
#[test]
fn damaged_import_files_are_refused_or_merged_whole() {
    use bedtime_coach::model::validate;
    use bedtime_coach::transfer;
    let original = export();
    let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00+01:00").unwrap();
    let valid: Journal = serde_json::from_slice(&original).unwrap();
    bedtime_coach::model::validate::journal(&valid, &now).unwrap();
    // Ours: the same evenings but the last, without the night log and unknown fields.
    let ours = {
        let mut ours = valid.clone();
        ours.evenings.retain(|date, _| date.format("%d").to_string() != "23");
        ours.evenings
            .values_mut()
            .for_each(|evening| *evening = Evening { checks: evening.checks.clone(), ..Evening::default() });
        ours.extra.clear();
        ours
    };
    // Kept by month, as this version keeps it; imports still read one file (format 2).
    let folder = journal_by_month(&ours);
    let ours = files_in(folder.path());
    assert!(
        ours.keys().any(|path| path
            .ends_with(support::own_month(folder.path(), "2026-11.json").strip_prefix(folder.path()).unwrap())),
        "{:?}",
        ours.keys()
    );
    let dir = scratch();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let store = Store::new(Paths::in_dir(&data));
    let file = dir.path().join("import.json");
    let seed = seed() ^ 8;
    let mut rng = Rng(seed);
    let (mut refused, mut imported) = (0, 0);
    for case in 0..CASES_PER_KIND / 2 {
        clear(&data);
        copy_files(&ours, folder.path(), &data);
        let before = files_in(&data);
        let damaged = mutate(&mut rng, &original);
        fs::write(&file, &damaged).unwrap();
        let context = || format!("case {case} (seed {seed}): {:?}", String::from_utf8_lossy(&damaged));
        match transfer::preview_import(&store, &file, &now) {
            Err(error) => {
                refused += 1;
                let message = error.to_string();
                assert_eq!(message.lines().count(), 1, "{}: {message}", context());
                assert!(files_in(&data) == before, "{}: the journal untouched", context());
            }
            Ok(preview) => {
                imported += 1;
                let _ = transfer::preview_text(&preview.counts);
                let updated = transfer::import(&store, &preview, transfer::RoutineChoice::Keep)
                    .unwrap_or_else(|e| panic!("{}: {e}", context()));
                let _ = transfer::import_result_text(&file, &updated);
                let loaded = store.load_journal().unwrap();
                assert!(loaded.read_only.is_none(), "{}", context());
                assert!(store.take_notices().is_empty(), "{}: the saved journal loads as it is", context());
                validate::journal(&loaded.value, &now).unwrap_or_else(|e| panic!("{}: {e}", context()));
                let again = transfer::import(&store, &preview, transfer::RoutineChoice::Keep).unwrap();
                assert!(!again.journal.saved, "{}: twice is once", context());
            }
        }
        assert_eq!(fs::read(&file).unwrap(), damaged, "{}: the file to import is never written", context());
    }
    println!("{refused} refused, {imported} imported");
    // Most damage is refused, but enough gets through to exercise the merge.
    assert!(refused > CASES_PER_KIND / 4 && imported > 20, "refused {refused}, imported {imported}");
}

/// Another computer's month file, damaged in every way: this computer loads, never writes
/// it, keeps its own evenings, and says so in one sentence (or reads its backup).
#[test]
fn another_computers_damaged_month_never_stops_this_one() {
    let whole = two_months();
    let folder = journal_by_month(&whole);
    let template = folder.path();
    let other_state = scratch();
    let other = Store::new(Paths::with_state(template, other_state.path()));
    let theirs = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T21:00:00+01:00").unwrap();
    other
        .update_evenings(theirs..=theirs, |journal| {
            journal.record(theirs, "lights-out", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let name = format!("journal/2026-11.{}.json", other.device_id().unwrap());
    let original = fs::read(template.join(&name)).unwrap();
    let around = files_in(template);
    let dir = scratch();
    let mut rng = Rng(seed() ^ 0x0ca7);
    for case in 0..CASES_PER_KIND / 4 {
        clear(dir.path());
        copy_files(&around, template, dir.path());
        let damaged = mutate(&mut rng, &original);
        fs::write(dir.path().join(&name), &damaged).unwrap();
        let _ = fs::remove_file(dir.path().join(format!("{name}.bak")));
        let context = || format!("case {case}: {:?}", String::from_utf8_lossy(&damaged));
        let store = Store::new(Paths::in_dir(dir.path()));
        let loaded = store.load_journal().unwrap_or_else(|e| panic!("{}: {e}", context())).value;
        for (date, evening) in &whole.evenings {
            for step in evening.checks.keys() {
                assert!(loaded.check_in(*date, step).is_some(), "{}: lost {date} {step}", context());
            }
        }
        for notice in store.take_notices() {
            assert_eq!(notice.message.lines().count(), 1, "{}: {}", context(), notice.message);
        }
        assert_eq!(
            fs::read(dir.path().join(&name)).unwrap(),
            damaged,
            "{}: another computer's file written",
            context()
        );
        // This computer's changes go on (unless the other computer's file now says it was
        // written by a newer version: then this one waits for its update, as for its own).
        let checked = store.update_evenings(theirs..=theirs, |journal| {
            journal.record(theirs, "warm-bath", CheckIn::new(Outcome::Done, at, None));
            Ok::<_, StoreError>(())
        });
        if let Err(error) = checked {
            assert!(error.to_string().contains("newer version"), "{}: a check-in refused: {error}", context());
        }
    }
}
