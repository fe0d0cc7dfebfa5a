## The information screen (src/ui/about_sleep.rs): hypnic jerks in our own words, from
## the article. Information only, never a diagnosis. The screen shows these in this
## order: the reassurance first, the urgent signs after "when to see a doctor".

about-title = Twitches at sleep onset
about-open = About sleep twitches
about-back = Back
about-what-heading = What they are
about-what = A sudden twitch of the legs or the whole body just as you drift off, sometimes with a jolt that wakes you, is a kind of night-time myoclonus (its medical names: hypnic or hypnagogic jerk). Almost everyone has them now and then. A short twitch or two at the start of sleep is part of normal sleep and does no harm.
about-kinds-heading = Kinds of twitches
about-kinds = A twitch can be an active contraction of muscles that have relaxed as far as they go (called positive myoclonus), or it can come as muscle tone drops (negative myoclonus). It may involve only one leg, or even a single muscle of the leg; in more complex cases all the limbs twitch, sometimes the muscles of the face as well.
about-why-heading = Why they happen
about-why-intro = Nobody knows for certain. The article gives several explanations:
about-why-brain = As you fall asleep, body temperature and blood pressure drop and breathing becomes much shallower; the most common theory is that the brain (the hypothalamus) takes this for danger and sends a jolt to bring the body back to an active state.
about-why-phases = Sleep moves between shallow and deep phases, and the brain's activity changes sharply at each switch.
about-why-stress = A tense day: stress that builds up overloads the nervous system.
about-why-potassium = Too little potassium in the body; only tests and a doctor can tell.
about-why-tic = A nervous tic.
about-why-exertion = Too much physical effort, especially for older or untrained people.
about-pregnancy-heading = During pregnancy
about-pregnancy = About a quarter of women have such twitches during pregnancy, most often in the second and third trimester; usually it is restless legs syndrome. In rare cases the twitches begin immediately after childbirth.
about-children-heading = In children and teenagers
about-children = A baby may twitch its legs while falling asleep, and this is no cause for alarm: a baby's sleep is built differently from an adult's, and a baby may give a twitch or a shudder as deep sleep gives way to lighter sleep. Teenagers can have twitches too, while the body is reorganising fast and the nervous system sometimes falters.
about-helps-heading = How the routine helps
about-helps = The article's advice is a calm, regular life: going to bed early and getting up with an alarm at the same times every day, with at least eight hours of sleep; less strong coffee and tea; no alcohol, tobacco or drugs; foods with magnesium, calcium and potassium; movement by day and a quiet evening with a warm bath; warm hands and feet in the cold months; and a comfortable bed in a dark, quiet, aired bedroom whose air is not too dry. The routine turns this advice into evening steps, and the night log shows, over weeks, whether it helps you.
about-doctor-heading = When to see a doctor
# $daytime: when the daytime card appears (signs-window), "on 2 days in a row, or on 3 days within 12 weeks".
about-doctor = Worth showing to a doctor (for example a neurologist): twitching that goes on through the night; twitches while awake during the day { $daytime }; twitches by day and by night together; legs trembling from falling asleep on through sleep, with itching and a constant need to move them; someone noticing your toes or ankles flexing in a steady rhythm while you sleep; or often waking up unable to move. These do not necessarily mean that something is wrong, but only a doctor can tell; the doctor summary brings what you logged to the visit.
about-urgent = Seek urgent care at once for sudden fainting or sudden paralysis while awake (not on falling asleep or waking, as in sleep paralysis): the article names these as possible signs of a stroke. General guidance, beyond the article: the same goes for a convulsive seizure (a fit), and for sudden weakness or numbness of an arm, a leg or the face.
about-not-advice = Bedtime Coach is not medical advice and cannot diagnose anything. It passes on general information from one article and helps you keep track of your evenings and nights. If you are worried, talk to a doctor.
about-source = Source: the article "Why do your legs twitch when you fall asleep?", which the app is built on.
