@echo off
rem perf-eval WPS add-in: install (double-click) or uninstall (install-wps-addon.bat -Uninstall).
rem ASCII only on purpose: cmd reads .bat files in the console code page. The messages are in the
rem PowerShell script next to this file.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-wps-addon.ps1" %*
pause
