; The per-user Windows installer (NSIS 3, `makensis`), built by scripts/package-windows.sh,
; which passes VERSION, BIN (the folder of the release .exe files), ICON, SIDE (the
; welcome page's picture) and OUTFILE.
;
; No administrator: it installs under %LOCALAPPDATA%\Programs\Bedtime Coach, the Start
; menu and the uninstall entry are the user's (HKCU). `/S` installs silently with the
; default components; `uninstall.exe /S` uninstalls silently and keeps the user's data.
; The programs are the two of the build: bedtime-coach.exe (cmd, PowerShell, the commands
; below) and bedtime-coachw.exe (no console: the shortcut, the login entry, the service).
; Wine's bcryptprimitives.dll shim (platform-support/windows/) is not installed: Windows
; has that DLL.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!macro Needs name
  !ifndef ${name}
    !error "run scripts/package-windows.sh (it defines VERSION, BIN, ICON, SIDE and OUTFILE)"
  !endif
!macroend
!insertmacro Needs VERSION
!insertmacro Needs BIN
!insertmacro Needs ICON
!insertmacro Needs SIDE
!insertmacro Needs OUTFILE

!define APP "Bedtime Coach"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BedtimeCoach"
; The value `bedtime-coach autostart on` writes (src/platform/windows/autostart.rs).
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define APPROVED_KEY "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
!define SHORTCUT "$SMPROGRAMS\${APP}.lnk"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "The Bedtime Coach developers"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "StrFunc.nsh"
${StrStr}
${UnStrStr}

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${SIDE}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\bedtime-coachw.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(OpenNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The installer speaks the system's language where the app does.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"

LangString ProgramSection ${LANG_ENGLISH} "Bedtime Coach"
LangString ProgramSection ${LANG_RUSSIAN} "Bedtime Coach"
LangString AutostartSection ${LANG_ENGLISH} "Start reminders at login"
LangString AutostartSection ${LANG_RUSSIAN} "Запускать напоминания при входе в систему"
LangString OpenNow ${LANG_ENGLISH} "Open Bedtime Coach now"
LangString OpenNow ${LANG_RUSSIAN} "Открыть Bedtime Coach сейчас"
LangString NoAppId ${LANG_ENGLISH} "The Start-menu shortcut could not be given the app's identity; notifications may not show."
LangString NoAppId ${LANG_RUSSIAN} "Ярлыку в меню «Пуск» не удалось задать идентификатор приложения; уведомления могут не показываться."
LangString NoAutostart ${LANG_ENGLISH} "Starting reminders at login could not be turned on; Settings in the app can do it."
LangString NoAutostart ${LANG_RUSSIAN} "Не удалось включить запуск напоминаний при входе; это можно сделать в настройках приложения."
LangString RemoveData ${LANG_ENGLISH} "Also remove your routine, journal and night log?$\n$\n$APPDATA\bedtime-coach$\n$LOCALAPPDATA\bedtime-coach$\n$\nChoose No to keep them for a later install."
LangString RemoveData ${LANG_RUSSIAN} "Удалить и ваши данные: распорядок, журнал и ночные записи?$\n$\n$APPDATA\bedtime-coach$\n$LOCALAPPDATA\bedtime-coach$\n$\nВыберите «Нет», чтобы сохранить их для следующей установки."

Var WasRunning

; Stops a running reminder service and window of this app, so their files can be
; replaced or removed; sets WasRunning to 1 when one was running. The service of the
; usual data folder is asked to stop (`remind --stop`, which waits until it has: its
; English answer says "has stopped" when one ran); whatever still runs (a window, a
; service on another --data-dir, a version without --stop) is ended with taskkill.
!macro StopRunning un
  Function ${un}StopRunning
    StrCpy $WasRunning 0
    ${If} ${FileExists} "$INSTDIR\bedtime-coach.exe"
      ; The answer in English for this one command, the user's LANG (if any) back after.
      ReadEnvStr $3 LANG
      System::Call 'kernel32::SetEnvironmentVariableW(w "LANG", w "C.UTF-8")'
      nsExec::ExecToStack '"$INSTDIR\bedtime-coach.exe" remind --stop'
      Pop $0
      Pop $1
      ${If} $3 == ""
        System::Call 'kernel32::SetEnvironmentVariableW(w "LANG", p 0)'
      ${Else}
        System::Call 'kernel32::SetEnvironmentVariableW(w "LANG", w r3)'
      ${EndIf}
      !if "${un}" == ""
        ${StrStr} $2 $1 "has stopped"
      !else
        ${UnStrStr} $2 $1 "has stopped"
      !endif
      ${If} $0 == 0
      ${AndIf} $2 != ""
        StrCpy $WasRunning 1
      ${EndIf}
    ${EndIf}
    nsExec::Exec '"$SYSDIR\taskkill.exe" /F /IM bedtime-coachw.exe'
    Pop $0
    ${If} $0 == 0
      StrCpy $WasRunning 1
    ${EndIf}
    nsExec::Exec '"$SYSDIR\taskkill.exe" /F /IM bedtime-coach.exe'
    Pop $0
    ${If} $0 == 0
      StrCpy $WasRunning 1
    ${EndIf}
    ; The system closes a killed program's files a moment later.
    ${If} $WasRunning == 1
      Sleep 1000
    ${EndIf}
  FunctionEnd
!macroend
!insertmacro StopRunning ""
!insertmacro StopRunning "un."

Section "$(ProgramSection)" SecProgram
  SectionIn RO
  Call StopRunning
  SetOutPath "$INSTDIR"
  File "${BIN}\bedtime-coach.exe"
  File "${BIN}\bedtime-coachw.exe"
  File "/oname=bedtime-coach.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "${SHORTCUT}" "$INSTDIR\bedtime-coachw.exe" "" "$INSTDIR\bedtime-coach.ico" 0
  ; NSIS cannot set System.AppUserModel.ID, which toasts need: the app does it.
  nsExec::Exec '"$INSTDIR\bedtime-coach.exe" set-shortcut-app-id "${SHORTCUT}"'
  Pop $0
  ${If} $0 != 0
    DetailPrint "$(NoAppId)"
  ${EndIf}

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Bedtime Coach developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bedtime-coach.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(AutostartSection)" SecAutostart
  nsExec::Exec '"$INSTDIR\bedtime-coach.exe" autostart on'
  Pop $0
  ${If} $0 != 0
    DetailPrint "$(NoAutostart)"
  ${EndIf}
SectionEnd

; Last: what was running before an update runs again, now the new version.
Section "-restart"
  ${If} $WasRunning == 1
    Exec '"$INSTDIR\bedtime-coachw.exe" remind'
  ${EndIf}
SectionEnd

Section "Uninstall"
  Call un.StopRunning
  DeleteRegValue HKCU "${RUN_KEY}" "${APP}"
  DeleteRegValue HKCU "${APPROVED_KEY}" "${APP}"
  ; What the reminder service registers at each start for the toasts' buttons
  ; (remind::toast): the bedtime-coach: URI scheme and the AppUserModelID's name and icon.
  DeleteRegKey HKCU "Software\Classes\bedtime-coach"
  DeleteRegKey HKCU "Software\Classes\AppUserModelId\io.github.bedtimecoach.BedtimeCoach"
  Delete "${SHORTCUT}"
  Delete "$INSTDIR\bedtime-coach.exe"
  Delete "$INSTDIR\bedtime-coachw.exe"
  Delete "$INSTDIR\bedtime-coach.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The user's data only when asked, never in a silent uninstall (an update's, an admin's).
  ${IfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(RemoveData)" IDNO keep
    RMDir /r "$APPDATA\bedtime-coach"
    RMDir /r "$LOCALAPPDATA\bedtime-coach"
    keep:
  ${EndIf}
SectionEnd
