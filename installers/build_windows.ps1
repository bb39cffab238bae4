# Build the Windows one-folder bundle and its installer (run on Windows 10/11, 64-bit):
#   installers\dist\sgz-desktop\                      sgz-desktop.exe (window), sgz.exe (command line), _internal\
#   installers\dist\sgz-desktop-VERSION-setup.exe     the per-user installer (Inno Setup 6.3+)
# Usage (PowerShell):  powershell -ExecutionPolicy Bypass -File installers\build_windows.ps1 [-Python py] [-Iscc path]
param(
    [string]$Python = "",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$repo = Split-Path -Parent $here
Set-Location $repo

function Run([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# 1. A virtual environment with the app and PyInstaller (the test extra carries it).
if (-not $Python) {
    $venv = Join-Path $repo ".venv"
    $Python = Join-Path $venv "Scripts\python.exe"
    if (-not (Test-Path $Python)) {
        Run "py" @("-3.11", "-m", "venv", $venv)
        Run $Python @("-m", "pip", "install", "-q", "-e", ".[test]")
    }
}
$version = (& $Python -c "import sgz_desktop; print(sgz_desktop.__version__)").Trim()
$numeric = (& $Python -c "import sys; sys.path.insert(0, r'$here\windows'); from version_info import numeric; print('.'.join(map(str, numeric('$version'))))").Trim()
Write-Host "sgz-desktop $version ($numeric)"

# 2. The icon, fresh from the SVG.
Run $Python @("$here\windows\make_icon.py")

# 3. The one-folder bundle.
$dist = Join-Path $here "dist"
Run $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
              "--distpath", $dist, "--workpath", (Join-Path $here "build"), "$here\sgz-desktop.spec")
$bundle = Join-Path $dist "sgz-desktop"

# 4. It must start: version, keyring (Windows Credential Manager expected), a demo station.
Run "$bundle\sgz.exe" @("--version")
Run "$bundle\sgz.exe" @("about")
$smoke = Join-Path $env:TEMP ("sgz-smoke-" + [guid]::NewGuid())
try {
    Run "$bundle\sgz.exe" @("--data-dir", "$smoke", "demo")
    Run "$bundle\sgz.exe" @("--data-dir", "$smoke", "check")
} finally {
    Remove-Item -Recurse -Force $smoke -ErrorAction SilentlyContinue
}

# 5. The installer.
if (-not $Iscc) {
    $candidates = @(
        (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) }
    if (-not $candidates) { throw "Inno Setup 6 (ISCC.exe) not found: install it or pass -Iscc C:\path\ISCC.exe" }
    $Iscc = @($candidates)[0]
}
Run $Iscc @("/Q", "/DAppVersion=$version", "/DAppVersionNumeric=$numeric", "/DDistDir=$bundle",
            "$here\windows\sgz-desktop.iss")
Write-Host "built $bundle"
Write-Host "built $dist\sgz-desktop-$version-setup.exe"
