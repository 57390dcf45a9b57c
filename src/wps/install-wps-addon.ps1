# 绩效自评助手 · WPS 表格加载项：离线安装 / 卸载（Windows）
#
#   双击 install-wps-addon.bat                 安装（或更新）到当前用户的 WPS
#   install-wps-addon.bat -Uninstall           卸载
#   powershell -ExecutionPolicy Bypass -File install-wps-addon.ps1 [-Uninstall]
#
# 安装 = 把加载项文件夹复制到 %APPDATA%\kingsoft\wps\jsaddons\，并在同一目录的 publish.xml 中登记
# 一条 <jsplugin …/>（已有的其他加载项原样保留；重复安装只留一条）。装好后重启 WPS 表格。
# 不需要管理员权限，不联网。
param([switch]$Uninstall, [string]$JsAddonsDir = "")

$ErrorActionPreference = "Stop"
$Name = "__NAME__"
$Version = "__VERSION__"
$Folder = "${Name}_${Version}"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
if ($JsAddonsDir -eq "") { $JsAddonsDir = Join-Path $env:APPDATA "kingsoft\wps\jsaddons" }
$Publish = Join-Path $JsAddonsDir "publish.xml"

function Read-Publish {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  if (Test-Path -LiteralPath $Publish) {
    try { $doc.Load($Publish) } catch { throw "publish.xml 无法读取（$($_.Exception.Message)），请检查 $Publish" }
  }
  if ($null -eq $doc.DocumentElement) {
    $doc.AppendChild($doc.CreateXmlDeclaration("1.0", "UTF-8", $null)) | Out-Null
    $doc.AppendChild($doc.CreateElement("jsplugins")) | Out-Null
  }
  return $doc
}

function Remove-Ours($doc) {
  $ours = @($doc.DocumentElement.ChildNodes | Where-Object {
      ($_.LocalName -eq "jsplugin" -or $_.LocalName -eq "jspluginonline") -and $_.GetAttribute("name") -eq $Name
    })
  foreach ($node in $ours) { $doc.DocumentElement.RemoveChild($node) | Out-Null }
}

function Save-Publish($doc) {
  New-Item -ItemType Directory -Force -Path $JsAddonsDir | Out-Null
  $settings = New-Object System.Xml.XmlWriterSettings
  $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
  $writer = [System.Xml.XmlWriter]::Create($Publish, $settings)
  try { $doc.Save($writer) } finally { $writer.Close() }
}

function Remove-Folders {
  if (Test-Path -LiteralPath $JsAddonsDir) {
    Get-ChildItem -LiteralPath $JsAddonsDir -Directory |
      Where-Object { $_.Name -like "${Name}_*" } |
      ForEach-Object { Remove-Item -LiteralPath $_.FullName -Recurse -Force }
  }
}

try {
  if ($Uninstall) {
    if (Test-Path -LiteralPath $Publish) {
      $doc = Read-Publish
      Remove-Ours $doc
      Save-Publish $doc
    }
    Remove-Folders
    Write-Host "已卸载绩效自评助手。请重启 WPS 表格。"
  } else {
    $source = Join-Path $Here $Folder
    if (-not (Test-Path -LiteralPath (Join-Path $source "ribbon.xml"))) {
      throw "找不到完整的加载项文件夹 $source（请先完整解压安装包）"
    }
    $doc = Read-Publish
    New-Item -ItemType Directory -Force -Path $JsAddonsDir | Out-Null
    if ((Test-Path -LiteralPath $Publish) -and -not (Test-Path -LiteralPath "$Publish.before-$Name")) {
      Copy-Item -LiteralPath $Publish -Destination "$Publish.before-$Name"
    }
    Remove-Folders
    Copy-Item -LiteralPath $source -Destination (Join-Path $JsAddonsDir $Folder) -Recurse
    Remove-Ours $doc
    $entry = $doc.CreateElement("jsplugin")
    $entry.SetAttribute("name", $Name)
    $entry.SetAttribute("type", "et")
    $entry.SetAttribute("url", $Folder)
    $entry.SetAttribute("version", $Version)
    $entry.SetAttribute("enable", "enable_dev")
    $entry.SetAttribute("install", "null")
    $entry.SetAttribute("customDomain", "")
    $doc.DocumentElement.AppendChild($entry) | Out-Null
    Save-Publish $doc
    Write-Host "已安装绩效自评助手 $Version 到 $(Join-Path $JsAddonsDir $Folder)"
    Write-Host "请重启 WPS 表格，功能区会出现“绩效自评”选项卡。"
  }
} catch {
  Write-Host "失败：$($_.Exception.Message)" -ForegroundColor Red
  exit 1
}
