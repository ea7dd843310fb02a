; Inno Setup script: a per-user installer for chatsafe (no administrator rights).
; Build on Windows after `python packaging\build.py` (see README.md in this folder):
;   "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\chatsafe.iss
; The version is passed by the release manager from `python packaging\build.py --version`.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z packaging\windows\chatsafe.iss
#endif
#define AppName "chatsafe"
#define SourceDir "..\..\dist\chatsafe"

[Setup]
AppId={{6F4C2B8E-3A51-4C1E-9B7D-2E6A0C9F5D13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=chatsafe contributors
VersionInfoVersion={#AppVersion}
; Per user, under %LOCALAPPDATA%\Programs\chatsafe: no elevation, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=chatsafe-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\..\resources\icons\chatsafe.ico
UninstallDisplayIcon={app}\chatsafe-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Dutch first: the users are Dutch civil servants.
ShowLanguageDialog=auto

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole PyInstaller folder, as built and smoke-tested.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start menu and (optionally) desktop, for this user only.
Name: "{userprograms}\{#AppName}"; Filename: "{app}\chatsafe-gui.exe"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\chatsafe-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; Open .chatsafe case files with chatsafe (HKCU only: per user, no elevation).
Root: HKCU; Subkey: "Software\Classes\.chatsafe"; ValueType: string; ValueData: "chatsafe.case"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\chatsafe.case"; ValueType: string; ValueData: "chatsafe case"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\chatsafe.case\DefaultIcon"; ValueType: string; ValueData: "{app}\chatsafe-gui.exe,0"
Root: HKCU; Subkey: "Software\Classes\chatsafe.case\shell\open\command"; ValueType: string; ValueData: """{app}\chatsafe-gui.exe"" ""%1"""

[Run]
Filename: "{app}\chatsafe-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself may have left beside the program (a portable-mode folder).
; Case files live wherever the user put them and are never touched.
Type: filesandordirs; Name: "{app}\chatsafe-data\cache"
Type: filesandordirs; Name: "{app}\chatsafe-data\log"
