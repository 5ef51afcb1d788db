#!/usr/bin/env bash
# Install what Tingjian needs on Debian or Ubuntu, only what is missing.
#   bash scripts/setup.sh run    build and speech packages
#   bash scripts/setup.sh test   the same, plus what the tests drive (tmux, fenrir, PulseAudio, sox)
# Uses apt-get as root, or through sudo; otherwise prints the exact command.
set -euo pipefail
what="${1:-run}"

# Building the speech backend (the tts crate over speech-dispatcher) needs
# libspeechd and libclang (bindgen); speaking needs speech-dispatcher and
# espeak-ng, whose "Chinese (Mandarin, latin as Pinyin)" voice reads Chinese.
pkgs=(libspeechd-dev speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pkg-config)
if apt-cache show libclang1-14 >/dev/null 2>&1; then
  pkgs+=(libclang1-14 libclang-common-14-dev)
else
  pkgs+=(libclang-dev)
fi
if [ "$what" = test ]; then
  pkgs+=(tmux fenrir pulseaudio pulseaudio-utils sox)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "听见 needs these packages (Debian/Ubuntu names): ${missing[*]}" >&2
    echo "Install them with your system's package manager, then run this again." >&2
    exit 1
  fi
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "听见需要安装以下软件包 / Tingjian needs these packages:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo 1.88 or newer) is missing. Install it from https://rustup.rs, for example:" >&2
  echo "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh" >&2
  exit 1
fi
