//! The user's language: the locale variables where they are set (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, as POSIX says, and as a Windows user who sets `LANG` in
//! a terminal expects), otherwise the system's own setting through the `sys-locale`
//! crate: the Windows display language (`GetUserDefaultLocaleName`), macOS's preferred
//! languages; on Linux that crate reads the same variables, so nothing changes there.

use crate::i18n::Language;

/// The language the user's system asks for.
pub fn system_language() -> Language {
    let var = |name| std::env::var(name).ok();
    let (lc_all, lc_messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
    let set = [&lc_all, &lc_messages, &lang].into_iter().flatten().any(|value| !value.is_empty());
    if set {
        Language::from_locale_vars(lc_all.as_deref(), lc_messages.as_deref(), lang.as_deref())
    } else {
        sys_locale::get_locale().map_or(Language::English, |locale| Language::from_locale(&locale))
    }
}
