## The night log screen (src/ui/night.rs). $evening and $morning are short dates
## ("Thu 26 Nov"); $time is HH:MM.

night-tab = Night
night-title = Night from { $evening } to { $morning }
night-last-night = Last night
night-earlier = ‹ Earlier night
night-later = Later night ›
night-not-logged = Not logged yet.
night-logged-at = Saved at { $time } on { $date }. Change any answer; it is saved at once.
night-quiet = A quiet night
night-quiet-hint = No twitches and none of the signs below, in one click (how rested, stress and notes stay as they are).
night-falling-asleep = Twitches while falling asleep
night-jerks-none = None
night-jerks-few = Once or twice
night-jerks-many = Many
night-woke-from-jolt = Woke up from a jolt
night-all-night = Twitching went on through the night
night-daytime = Twitches while awake during the day (yesterday)
night-restless-legs = Legs trembling from falling asleep on through sleep, with itching and a constant need to move them
night-partner = Someone saw my toes or ankles flex in a steady rhythm (every 20–40 seconds) while I slept
night-paralysis = Sleep paralysis: awake but unable to move
night-rested = How rested?
# $score is 1..5: the accessible name of each button.
night-rested-score = Rested: { $score } of 5
night-rested-low = worn out
night-rested-high = fully rested
night-stress = Stress yesterday
night-stress-low = Low
night-stress-some = Some
night-stress-high = High
night-notes = Notes
night-notes-hint = Anything worth remembering (coffee late, a long walk, a noisy street…)
night-save-note = Save note
night-forget = Delete this night's log
night-about = What are these twitches, and when to see a doctor?
night-deleted = Deleted the log of the night from { $evening } to { $morning }.

## The night screen's findings (the cards' own words are in signs.ftl).

warnings-heading = Worth a doctor's look
night-helps-heading = What helps
# $nights is the minimum on each side (5).
night-helps-waiting = Comparisons appear here once at least { $nights } nights follow evenings when a step was kept, and { $nights } when it was skipped.
# Only when no sign at all was logged in the four weeks (a sign logged once is still named).
night-no-warnings = None of the signs the article asks a doctor to see was logged in the last four weeks.

## The doctor summary on the night screen. $path is where it was written.

night-summary-heading = Doctor summary
night-summary-intro = The last weeks of night logs, the signs above with their nights, how the routine went and how steady your bedtime was: one page to print or show at a visit, or a table for a spreadsheet.
night-summary-weeks = Weeks:
# The accessible name of each choice of weeks.
night-summary-weeks-choice = { $weeks } weeks
night-summary-html = Printable page (HTML)
night-summary-csv = Table (CSV)
night-summary-path = Save to
night-summary-save = Save doctor summary
night-summary-saved = The doctor summary was saved to { $path }.
