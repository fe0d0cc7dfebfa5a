//! The current user's registry (`HKEY_CURRENT_USER`), as the Windows files use it: string
//! values written (the toasts' URI scheme and AppUserModelID, autostart's `Run` value),
//! read back and removed, and the program those values start. One place for the unsafe
//! calls and their error codes.

use std::ffi::{OsStr, OsString};
use std::io;
use std::os::windows::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use windows_sys::Win32::Foundation::{ERROR_FILE_NOT_FOUND, ERROR_MORE_DATA, ERROR_SUCCESS, WIN32_ERROR};
use windows_sys::Win32::System::Registry::{
    HKEY, HKEY_CURRENT_USER, KEY_SET_VALUE, REG_OPTION_NON_VOLATILE, REG_SZ, RRF_NOEXPAND, RRF_RT_REG_BINARY,
    RRF_RT_REG_EXPAND_SZ, RRF_RT_REG_SZ, RegCloseKey, RegCreateKeyExW, RegDeleteKeyValueW, RegGetValueW,
    RegSetValueExW,
};

/// The program a login entry or a toast's button starts: the windowed twin
/// `bedtime-coachw.exe` beside this program (no console flashes up), else this program.
pub fn windowed_program() -> io::Result<PathBuf> {
    let current = std::env::current_exe()?;
    let windowed = current.with_file_name("bedtime-coachw.exe");
    Ok(if windowed.is_file() { windowed } else { current })
}

/// The key `HKCU\<key>`, created if missing, with `values` set as `REG_SZ`: `(None, …)`
/// is the key's default value.
pub fn set_strings(key: &str, values: &[(Option<&str>, &OsStr)]) -> io::Result<()> {
    let key_w = wide(OsStr::new(key));
    let mut handle: HKEY = std::ptr::null_mut();
    // SAFETY: a NUL-terminated name; `handle` is written on success and closed below.
    check(unsafe {
        RegCreateKeyExW(
            HKEY_CURRENT_USER,
            key_w.as_ptr(),
            0,
            std::ptr::null(),
            REG_OPTION_NON_VOLATILE,
            KEY_SET_VALUE,
            std::ptr::null(),
            &mut handle,
            std::ptr::null_mut(),
        )
    })?;
    let result = values.iter().try_for_each(|(name, value)| {
        let name = name.map(|name| wide(OsStr::new(name)));
        let data = wide(value);
        let bytes = u32::try_from(data.len() * 2).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
        // SAFETY: the key is open; the name is NUL-terminated or null (the default value);
        // the data is a NUL-terminated UTF-16 string (as REG_SZ wants) of `bytes` bytes.
        check(unsafe {
            RegSetValueExW(
                handle,
                name.as_ref().map_or(std::ptr::null(), |name| name.as_ptr()),
                0,
                REG_SZ,
                data.as_ptr().cast(),
                bytes,
            )
        })
    });
    // SAFETY: opened above, closed once.
    unsafe { RegCloseKey(handle) };
    result
}

/// Removes the value `name` of `HKCU\<key>`; `Ok(false)` when it (or its key) was not there.
pub fn delete(key: &str, name: &str) -> io::Result<bool> {
    let (key_w, name_w) = (wide(OsStr::new(key)), wide(OsStr::new(name)));
    // SAFETY: both strings end with a NUL and outlive the call.
    match unsafe { RegDeleteKeyValueW(HKEY_CURRENT_USER, key_w.as_ptr(), name_w.as_ptr()) } {
        ERROR_FILE_NOT_FOUND => Ok(false),
        code => check(code).map(|()| true),
    }
}

/// A string value as written (environment variables not expanded); `None` if missing.
pub fn string(key: &str, name: &str) -> io::Result<Option<OsString>> {
    let data = read(key, name, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND)?;
    Ok(data.map(|bytes| {
        let mut units: Vec<u16> = bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
        while units.last() == Some(&0) {
            units.pop();
        }
        OsString::from_wide(&units)
    }))
}

/// A binary value; `None` if missing.
pub fn binary(key: &str, name: &str) -> io::Result<Option<Vec<u8>>> {
    read(key, name, RRF_RT_REG_BINARY)
}

fn read(key: &str, name: &str, types: u32) -> io::Result<Option<Vec<u8>>> {
    let (key_w, name_w) = (wide(OsStr::new(key)), wide(OsStr::new(name)));
    let mut buffer = vec![0u8; 512];
    loop {
        let mut size = u32::try_from(buffer.len()).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        // SAFETY: the strings end with a NUL; `buffer` is `size` bytes long, and `size`
        // is set to what was written (or what is needed).
        let code = unsafe {
            RegGetValueW(
                HKEY_CURRENT_USER,
                key_w.as_ptr(),
                name_w.as_ptr(),
                types,
                std::ptr::null_mut(),
                buffer.as_mut_ptr().cast(),
                &mut size,
            )
        };
        match code {
            ERROR_FILE_NOT_FOUND => return Ok(None),
            ERROR_MORE_DATA => buffer.resize(size as usize + 2, 0),
            code => {
                check(code)?;
                buffer.truncate(size as usize);
                return Ok(Some(buffer));
            }
        }
    }
}

fn check(code: WIN32_ERROR) -> io::Result<()> {
    match code {
        ERROR_SUCCESS => Ok(()),
        code => Err(io::Error::from_raw_os_error(code as i32)),
    }
}

/// `text` as a NUL-terminated wide string.
fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(std::iter::once(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Under a key of the test's own, never a real one.
    #[test]
    fn values_are_written_read_back_and_removed() {
        let key = format!(r"Software\BedtimeCoachTests\registry-{}", std::process::id());
        assert_eq!(string(&key, "Value").unwrap(), None);
        let long = OsString::from(format!(r#""C:\{}\bedtime-coachw.exe" remind"#, "Папка ".repeat(100)));
        set_strings(&key, &[(Some("Value"), &long), (None, OsStr::new("default"))]).unwrap();
        assert_eq!(string(&key, "Value").unwrap(), Some(long));
        assert_eq!(string(&key, "").unwrap(), Some(OsString::from("default")), "the default value");
        assert_eq!(binary(&key, "Value").ok().flatten(), None, "a string is not binary");
        assert!(delete(&key, "Value").unwrap());
        assert!(!delete(&key, "Value").unwrap());
        assert_eq!(string(&key, "Value").unwrap(), None);
    }
}
