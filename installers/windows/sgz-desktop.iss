; Inno Setup 6 script: per-user installer of the one-folder build made by installers/sgz-desktop.spec.
; Built by installers/build_windows.ps1, which passes the version and the folder:
;   ISCC /DAppVersion=x.y.z /DAppVersionNumeric=x.y.z.0 /DDistDir=...\dist\sgz-desktop sgz-desktop.iss
; The program folder holds only the program. The station's data lives in %LOCALAPPDATA%\sgz-desktop and is
; kept on upgrade and on uninstall, unless the user asks (twice) to delete it.
; Saved as UTF-8 with a byte-order mark, so ISCC reads the Chinese text as UTF-8 on any Windows code page.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (build_windows.ps1 does this from sgz_desktop.__version__)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef DistDir
  #define DistDir "..\dist\sgz-desktop"
#endif
#define AppName "社工站桌面管理套件"
#define GuiExe "sgz-desktop.exe"
#define CliExe "sgz.exe"

[Setup]
; AppId stays the same for every version: that is how an upgrade finds and replaces the old one.
AppId={{6F1D2C87-35E4-4B9A-9E51-2C1B7A9D0E43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=sgz-desktop developers
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion} 安装程序
; Per-user install: no administrator rights; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\sgz-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=sgz-desktop.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
; An open program is closed (asked first) before its files are replaced.
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist
OutputBaseFilename=sgz-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3 and later (older versions: Languages\Unofficial).
Name: "chinesesimp"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimp.DesktopIcon=在桌面上创建快捷方式
chinesesimp.DeleteDataAsk=是否同时删除本机上的社工站数据？%n%n数据目录：%1%n%n其中有数据库、附件和自动备份。一般请选“否”：重装或升级后数据还能继续使用。
chinesesimp.DeleteDataSure=确定要永久删除 %1 吗？删除后无法恢复，除非您另有备份（例如U盘上的备份）。
chinesesimp.DataKept=社工站数据保留在 %1，重新安装后可以继续使用。
english.DesktopIcon=Create a desktop shortcut
english.DeleteDataAsk=Also delete the station data on this PC?%n%nData folder: %1%n%nIt holds the database, attachments and automatic backups. Usually choose No: after reinstalling or upgrading the data can be used again.
english.DeleteDataSure=Permanently delete %1? This cannot be undone unless you have another backup (e.g. on a USB drive).
english.DataKept=The station data stays in %1 and can be used again after reinstalling.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; Every file of the one-folder build: the two programs and their shared _internal folder.
Source: "{#DistDir}\{#GuiExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole library folder, so no module of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function DataDir(): String;
begin
  { platformdirs.user_data_dir("sgz-desktop", appauthor=False) on Windows }
  Result := ExpandConstant('{localappdata}\sgz-desktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Dir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Dir := DataDir();
  if not DirExists(Dir) then
    exit;
  { A silent uninstall (e.g. by an upgrade script) never deletes data. }
  if UninstallSilent() then
    exit;
  if (MsgBox(FmtMessage(CustomMessage('DeleteDataAsk'), [Dir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES)
     and (MsgBox(FmtMessage(CustomMessage('DeleteDataSure'), [Dir]), mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    DelTree(Dir, True, True, True)
  else
    MsgBox(FmtMessage(CustomMessage('DataKept'), [Dir]), mbInformation, MB_OK);
end;
