# Desktop notifications: summaries, bodies and buttons. Used in src/i18n/notifications.rs
# and src/remind/notifier.rs. $time is HH:MM.

## Summaries.

remind-bedtime = Bedtime
remind-wind-down = Time to wind down
# Several steps due at once. $count is at least 2.
remind-steps = { $count ->
    [one] { $count } step of your routine
   *[other] { $count } steps of your routine
}
# Shown late. $head is one of the summaries above or a step's title.
remind-summary-due = { $head } (due { $time })
# Shown late, about reminders due at different times; $time is the earliest.
remind-summary-since = { $head } (since { $time })

## Bodies of the wind-down and bedtime reminders, when no step is due with them.

# $bath is yes when a warm bath is still ahead tonight.
remind-wind-down-body = { $bath ->
    [yes] Bedtime is at { $time }. From now on keep to quiet things: a warm bath, a candle, calm music; no hard exercise or stress.
   *[no] Bedtime is at { $time }. From now on keep to quiet things: a candle, calm music; no hard exercise or stress.
}
remind-bedtime-body = Lights out at { $time }. Going to bed early, as part of a daily routine, is the article's first piece of advice, with at least eight hours of sleep (time in bed is a little longer than sleep).

## Buttons. $minutes is the snooze length.

remind-action-done = Done
remind-action-snooze = Snooze { $minutes } min

notify-error-unavailable = Desktop notifications are not available in this session; Bedtime Coach shows reminders in its window instead, while it is open.
notify-error-no-answer = The notification service did not answer within { $seconds } s; Bedtime Coach shows reminders in its window instead, while it is open.
notify-error-still-stuck = The notification service is still not answering an earlier notification; Bedtime Coach shows reminders in its window instead.
notify-error-thread = Could not start a thread for notifications: { $reason }.

## Clicking a notification's body (some servers show this as a button) opens the window.

remind-action-open = Open Bedtime Coach

## The test notification asked for in Settings or with `remind --test`.

remind-test-title = Test notification from Bedtime Coach
remind-test-body = Reminders will look like this. Click it to open the window.

## The morning invitation to log the night (issue 12), after the wake time.

remind-night-log = How did you sleep?
remind-night-log-body = Log last night in a few seconds: twitches, legs, how rested. One click if it was a quiet night.

# Windows toasts: a press on a toast's button starts `bedtime-coachw activate URI`; these
# go to the service's log when that URI is refused.
toast-bad-uri = A toast's button sent something Bedtime Coach does not understand; nothing was changed.
toast-unknown-step = A toast's button named a step that is not in your routine ({ $step }); nothing was changed.
toast-old-date = A toast's button was about the evening of { $date }, which is neither tonight nor last night; nothing was changed.
toast-register-failed = Toasts are shown, but their buttons cannot be registered with Windows ({ $reason }): use the window or the tray to check steps off.
