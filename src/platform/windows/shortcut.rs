//! The Start-menu shortcut's AppUserModelID on Windows: the installer (NSIS, which cannot
//! set it) creates the shortcut and then runs `bedtime-coach.exe set-shortcut-app-id
//! LINK`, which writes `System.AppUserModel.ID` into the `.lnk` here. Windows shows a
//! desktop app's toasts only when a Start-menu shortcut carries the id they are sent with.
//!
//! Why by hand: `windows-sys` has the COM functions but no interfaces, and the two this
//! needs (`IPersistFile` to load and save the link, `IPropertyStore` to set the property)
//! are a few vtable slots each, so they are declared here rather than pulling in the
//! `windows` crate for one command. The steps are Microsoft's own for this property:
//! create a `ShellLink`, load the file read-write, set the property, commit, save.

use std::ffi::c_void;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;

use windows_sys::Win32::Foundation::PROPERTYKEY;
use windows_sys::Win32::System::Com::{
    CLSCTX_INPROC_SERVER, COINIT_APARTMENTTHREADED, CoCreateInstance, CoInitializeEx, CoUninitialize, STGM_READWRITE,
};
use windows_sys::core::{GUID, HRESULT};

const CLSID_SHELL_LINK: GUID = GUID::from_u128(0x00021401_0000_0000_c000_000000000046);
const IID_IPERSIST_FILE: GUID = GUID::from_u128(0x0000010b_0000_0000_c000_000000000046);
const IID_IPROPERTY_STORE: GUID = GUID::from_u128(0x886d8eeb_8cf2_4446_8d02_cdba1dbdcf99);
/// `PKEY_AppUserModel_ID` (propkey.h).
const APP_USER_MODEL_ID: PROPERTYKEY =
    PROPERTYKEY { fmtid: GUID::from_u128(0x9f4c2855_9f79_4b39_a8d0_e1d42de1d5f3), pid: 5 };
/// `VT_LPWSTR`: the property's value is a wide string.
const VT_LPWSTR: u16 = 31;

/// `IUnknown`'s slots, first in every COM interface.
#[repr(C)]
struct Unknown {
    query_interface: unsafe extern "system" fn(*mut c_void, *const GUID, *mut *mut c_void) -> HRESULT,
    _add_ref: unsafe extern "system" fn(*mut c_void) -> u32,
    release: unsafe extern "system" fn(*mut c_void) -> u32,
}

/// `IPersistFile` (objidl.h), up to the slots used.
#[repr(C)]
struct PersistFile {
    unknown: Unknown,
    _get_class_id: unsafe extern "system" fn(*mut c_void, *mut GUID) -> HRESULT,
    _is_dirty: unsafe extern "system" fn(*mut c_void) -> HRESULT,
    load: unsafe extern "system" fn(*mut c_void, *const u16, u32) -> HRESULT,
    save: unsafe extern "system" fn(*mut c_void, *const u16, i32) -> HRESULT,
}

/// `IPropertyStore` (propsys.h).
#[repr(C)]
struct PropertyStore {
    unknown: Unknown,
    _get_count: unsafe extern "system" fn(*mut c_void, *mut u32) -> HRESULT,
    _get_at: unsafe extern "system" fn(*mut c_void, u32, *mut PROPERTYKEY) -> HRESULT,
    _get_value: unsafe extern "system" fn(*mut c_void, *const PROPERTYKEY, *mut PropVariant) -> HRESULT,
    set_value: unsafe extern "system" fn(*mut c_void, *const PROPERTYKEY, *const PropVariant) -> HRESULT,
    commit: unsafe extern "system" fn(*mut c_void) -> HRESULT,
}

/// A `PROPVARIANT` holding a wide string: the type, three reserved words, the pointer,
/// and the rest of the 16-byte union.
#[repr(C)]
struct PropVariant {
    vt: u16,
    reserved: [u16; 3],
    text: *const u16,
    rest: usize,
}

/// A COM object pointer whose first field is its vtable; released when dropped.
struct Object<V> {
    this: *mut c_void,
    vtable: std::marker::PhantomData<V>,
}

impl<V> Object<V> {
    /// The vtable, which starts with `IUnknown`'s slots.
    fn slots(&self) -> &V {
        // SAFETY: `this` is a live COM object of interface `V` (asked for by its IID), whose
        // first field points at a vtable laid out as `V`.
        unsafe { &**self.this.cast::<*const V>() }
    }

    fn unknown(&self) -> &Unknown {
        // SAFETY: every vtable starts with IUnknown's three slots.
        unsafe { &**self.this.cast::<*const Unknown>() }
    }

    /// The same object as interface `W`.
    fn query<W>(&self, iid: &GUID) -> io::Result<Object<W>> {
        let mut other = std::ptr::null_mut();
        // SAFETY: `this` is live; `other` receives an added reference on success.
        hresult(unsafe { (self.unknown().query_interface)(self.this, iid, &mut other) })?;
        Ok(Object { this: other, vtable: std::marker::PhantomData })
    }
}

impl<V> Drop for Object<V> {
    fn drop(&mut self) {
        // SAFETY: the reference this holds is given back once.
        unsafe { (self.unknown().release)(self.this) };
    }
}

/// COM on this thread for as long as it lives.
struct Apartment;

impl Apartment {
    fn enter() -> io::Result<Apartment> {
        // SAFETY: no reserved pointer; balanced by CoUninitialize in Drop.
        hresult(unsafe { CoInitializeEx(std::ptr::null(), COINIT_APARTMENTTHREADED as u32) })?;
        Ok(Apartment)
    }
}

impl Drop for Apartment {
    fn drop(&mut self) {
        // SAFETY: entered in `enter`, on this thread.
        unsafe { CoUninitialize() };
    }
}

/// Writes `id` as the AppUserModelID of the shortcut `link` (an existing `.lnk`).
pub fn set_app_id(link: &Path, id: &str) -> io::Result<()> {
    let _com = Apartment::enter()?;
    let mut this = std::ptr::null_mut();
    // SAFETY: the GUIDs are constants; `this` receives the object on success.
    hresult(unsafe {
        CoCreateInstance(&CLSID_SHELL_LINK, std::ptr::null_mut(), CLSCTX_INPROC_SERVER, &IID_IPERSIST_FILE, &mut this)
    })?;
    let file: Object<PersistFile> = Object { this, vtable: std::marker::PhantomData };
    let path: Vec<u16> = link.as_os_str().encode_wide().chain(std::iter::once(0)).collect();
    // SAFETY: `path` ends with a NUL and outlives the call.
    hresult(unsafe { (file.slots().load)(file.this, path.as_ptr(), STGM_READWRITE) })?;
    let store: Object<PropertyStore> = file.query(&IID_IPROPERTY_STORE)?;
    let text: Vec<u16> = id.encode_utf16().chain(std::iter::once(0)).collect();
    let value = PropVariant { vt: VT_LPWSTR, reserved: [0; 3], text: text.as_ptr(), rest: 0 };
    // SAFETY: the key and value outlive the call; the store copies the string.
    hresult(unsafe { (store.slots().set_value)(store.this, &APP_USER_MODEL_ID, &value) })?;
    // SAFETY: `store` is live.
    hresult(unsafe { (store.slots().commit)(store.this) })?;
    // SAFETY: a null name saves to the file loaded, `TRUE` keeps it current.
    hresult(unsafe { (file.slots().save)(file.this, std::ptr::null(), 1) })
}

fn hresult(code: HRESULT) -> io::Result<()> {
    if code >= 0 { Ok(()) } else { Err(io::Error::from_raw_os_error(code)) }
}
