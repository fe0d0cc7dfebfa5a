## The information screen (src/ui/about_sleep.rs): hypnic jerks in our own words, from
## the article. Information only, never a diagnosis.

about-title = Twitches at sleep onset
about-open = About sleep twitches
about-back = Back
about-what-heading = What they are
about-what = A sudden jerk of the legs or the whole body just as you drift off, sometimes with a jolt that wakes you, is called a hypnic (or hypnagogic) jerk, a kind of night-time myoclonus. Almost everyone has them now and then. A short twitch or two at the start of sleep is part of normal sleep and does no harm.
about-why-heading = Why they happen
about-why-intro = Nobody knows for certain. The article gives several explanations:
about-why-brain = As you fall asleep, breathing, pulse and body temperature slow down; the most common theory is that the brain (the hypothalamus) takes this for danger and sends a jolt to wake the body up.
about-why-phases = Sleep moves between shallow and deep phases, and the brain's activity changes sharply at each switch.
about-why-stress = A tense day: stress that builds up overloads the nervous system.
about-why-potassium = Too little potassium in the body; only a blood test and a doctor can tell.
about-why-tic = A nervous tic.
about-why-exertion = Too much physical effort, especially for older or untrained people.
about-helps-heading = How the routine helps
about-helps = The article's advice is a calm, regular evening: the same bedtime and alarm every day with at least eight hours of sleep, less coffee and strong tea, no alcohol or tobacco, movement by day and a quiet evening, a warm bath, a dark, quiet, aired bedroom, and warm hands and feet in the cold months. The night log shows, over weeks, whether it helps you.
about-doctor-heading = When to see a doctor
about-doctor = Worth showing to a doctor (for example a neurologist): twitching that goes on through the night, twitches while awake during the day on several days in a row, an evening urge to move the legs with itching or crawling feelings, a partner noticing your toes or ankles flexing in a steady rhythm while you sleep, or often waking up unable to move. These do not mean that something is wrong, but only a doctor can tell; the doctor summary brings what you logged to the visit.
about-urgent = Seek urgent care at once for sudden fainting, sudden paralysis or a seizure.
about-not-advice = Bedtime Coach is not medical advice and cannot diagnose anything. It passes on general information from one article and helps you keep track of your evenings and nights. If you are worried, talk to a doctor.
about-source = Source: the article "Why do your legs twitch when you fall asleep?", which the app is built on.
