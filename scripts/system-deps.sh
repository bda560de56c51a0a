#!/usr/bin/env bash
# Debian packages the tests need: chromium for browser journeys, poppler-utils for PDF pages,
# the DejaVu fonts documents are set in.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
dpkg -s fonts-dejavu-extra >/dev/null 2>&1 || missing+=(fonts-dejavu-extra)  # the PDF report's oblique face
if ((${#missing[@]})); then
    echo "Instalando paquetes del sistema: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
