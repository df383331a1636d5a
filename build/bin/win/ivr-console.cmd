@echo off
rem ivr-console, installed with the IVR Test Console: runs the packaged headless runner with
rem the app's own Electron acting as Node (ELECTRON_RUN_AS_NODE), as VS Code's `code` command does.
rem Lives in <install dir>\resources\bin: add that folder to PATH to type ivr-console anywhere.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\IVR Test Console.exe" "%~dp0..\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
