#!/bin/sh
# 绩效自评助手 · WPS 表格加载项：离线安装 / 卸载（Linux：统信 UOS、麒麟等）
#
#   sh install-wps-addon.sh              安装（或更新）到当前用户的 WPS
#   sh install-wps-addon.sh --uninstall  卸载
#
# 安装 = 把加载项文件夹复制到 ~/.local/share/Kingsoft/wps/jsaddons/，并在同一目录的 publish.xml
# 中登记一条 <jsplugin …/>（已有的其他加载项原样保留；重复安装只留一条）。装好后重启 WPS 表格。
# 不需要管理员权限，不联网。WPS_JSADDONS_DIR 可指定其他 jsaddons 目录。
set -eu

NAME="__NAME__"
VERSION="__VERSION__"
TYPE="et"
FOLDER="${NAME}_${VERSION}"
ENTRY="<jsplugin name=\"${NAME}\" type=\"${TYPE}\" url=\"${FOLDER}\" version=\"${VERSION}\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"

HERE=$(cd "$(dirname "$0")" && pwd)
JSADDONS="${WPS_JSADDONS_DIR:-${HOME:?需要 HOME 环境变量}/.local/share/Kingsoft/wps/jsaddons}"
PUBLISH="${JSADDONS}/publish.xml"

fail() {
  echo "失败：$1" >&2
  exit 1
}

# publish.xml without our entries (jsplugin or jspluginonline, on one line or several), printed.
# POSIX awk reads the whole file as one string so an element split over lines is still one match.
publish_without_ours() {
  awk -v name="$NAME" '
    { text = text $0 "\n" }
    END {
      pattern = "[ \t]*<jsplugin(online)?([ \t\r\n][^>]*)?[ \t\r\n]name=\"" name "\"[^>]*/>[ \t\r]*\n?"
      while (match(text, pattern)) {
        text = substr(text, 1, RSTART - 1) substr(text, RSTART + RLENGTH)
      }
      printf "%s", text
    }
  ' "$PUBLISH"
}

# Writes publish.xml with our entry (or without it, for --uninstall); other add-ins stay as they were.
write_publish() {
  with_entry="$1"
  tmp="${PUBLISH}.tmp.$$"
  if [ -f "$PUBLISH" ] && grep -q "<jsplugins" "$PUBLISH"; then
    publish_without_ours >"$tmp"
  else
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' >"$tmp"
  fi
  if [ "$with_entry" = yes ]; then
    awk -v entry="$ENTRY" '
      { text = text $0 "\n" }
      END {
        if (match(text, /<jsplugins[ \t\r\n]*\/>/)) {
          text = substr(text, 1, RSTART - 1) "<jsplugins>\n  " entry "\n</jsplugins>" substr(text, RSTART + RLENGTH)
        } else if (match(text, /<\/jsplugins>/)) {
          text = substr(text, 1, RSTART - 1) "  " entry "\n" substr(text, RSTART)
        } else {
          text = text "<jsplugins>\n  " entry "\n</jsplugins>\n"
        }
        printf "%s", text
      }
    ' "$tmp" >"${tmp}.2"
    mv "${tmp}.2" "$tmp"
  fi
  mv "$tmp" "$PUBLISH"
}

remove_folders() {
  # Every installed version of this add-in, so an update leaves no old copy behind.
  for old in "$JSADDONS/${NAME}_"*; do
    [ -d "$old" ] && rm -rf "$old"
  done
  return 0
}

case "${1:-}" in
  --uninstall | -u)
    if [ -f "$PUBLISH" ]; then write_publish no; fi
    if [ -d "$JSADDONS" ]; then remove_folders; fi
    echo "已卸载绩效自评助手。请重启 WPS 表格。"
    ;;
  "" | --install)
    [ -d "$HERE/$FOLDER" ] || fail "找不到加载项文件夹 $HERE/$FOLDER（请先完整解压安装包）"
    [ -f "$HERE/$FOLDER/ribbon.xml" ] || fail "$HERE/$FOLDER 不完整（缺 ribbon.xml），请重新解压安装包"
    mkdir -p "$JSADDONS" || fail "无法创建 $JSADDONS"
    if [ -f "$PUBLISH" ] && [ ! -f "${PUBLISH}.before-${NAME}" ]; then
      cp "$PUBLISH" "${PUBLISH}.before-${NAME}"
    fi
    remove_folders
    cp -R "$HERE/$FOLDER" "$JSADDONS/$FOLDER" || fail "无法复制到 $JSADDONS/$FOLDER"
    write_publish yes
    echo "已安装绩效自评助手 ${VERSION} 到 $JSADDONS/$FOLDER"
    echo "请重启 WPS 表格，功能区会出现“绩效自评”选项卡。"
    ;;
  *)
    echo "用法：sh $0 [--uninstall]" >&2
    exit 2
    ;;
esac
