#!/usr/bin/env bash
# speechd-headless.sh: a private, headless speech stack for tests and CI.
#
# Starts, inside a private temporary directory,
#   - PulseAudio with only a null sink ("nullsink"; what is spoken can be
#     recorded from "nullsink.monitor"), and
#   - a private speech-dispatcher (espeak-ng module) that plays into it,
# exports what a client needs to use them, and stops both afterwards.
# Nothing outside the temporary directory is touched: no user config, no
# system daemon, no real sound card.
#
# Usage
#   bash scripts/speechd-headless.sh [OPTIONS] -- COMMAND [ARGS...]
#       Run COMMAND with the environment below; stop everything afterwards.
#       Exits with COMMAND's exit code (or 2/3 when the stack cannot start).
#   source scripts/speechd-headless.sh [OPTIONS]
#       Start the stack and export the environment into the current shell.
#       Call `speechd_headless_stop` when done (also done on shell EXIT if
#       no EXIT trap was set before).
#
# Options
#   --no-audio      speech-dispatcher runs, but its sound output is broken
#                   (PulseAudio output pointed at a socket nobody listens
#                   on, no ALSA fallback): text is accepted, nothing plays.
#                   This is the "silent failure" a client must detect.
#   --record FILE   record the null sink to FILE (WAV) while COMMAND runs.
#   --keep          keep the temporary directory (logs) after stopping.
#   -h, --help      this text.
#
# Exported for the client
#   SPEECHD_ADDRESS          unix_socket:DIR/speechd.sock
#   PULSE_SERVER             the private PulseAudio (in --no-audio mode: a
#                            dead socket, so nothing reaches real speakers)
#   PULSE_COOKIE             private cookie file (keeps ~/.config/pulse clean)
#   SPEECHD_HEADLESS_DIR     the private directory (logs in DIR/log)
#   SPEECHD_HEADLESS_MODE    "audio" or "no-audio"
#   SPEECHD_HEADLESS_MONITOR "nullsink.monitor" (audio mode only): record it
#                            with `parec -d "$SPEECHD_HEADLESS_MONITOR"
#                            --file-format=wav out.wav`; check it with
#                            `sox out.wav -n stat` (Maximum amplitude).
#                            parec's first samples arrive ~1.5-2 s after it
#                            starts (the idle null sink works in 2 s blocks):
#                            wait until the file grows past its 44-byte
#                            header before speaking.
#
# Environment
#   SPEECHD_HEADLESS_TIMEOUT   seconds to wait for each daemon (default 10)
#   SPEECHD_HEADLESS_CONF_SRC  speech-dispatcher config to copy
#                              (default /etc/speech-dispatcher)
#
# Needs (Debian/Ubuntu): speech-dispatcher speech-dispatcher-espeak-ng
# espeak-ng pulseaudio pulseaudio-utils (and sox to analyse recordings).
# Works as root (PulseAudio only warns; everything is per-directory).

_sdh_pkgs="speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils sox"

_sdh_log() { printf 'speechd-headless: %s\n' "$*" >&2; }

_sdh_usage() { sed -n '2,/^# Works as root/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; }

# Print the last lines of the given logs (in our directory), to explain a failure.
_sdh_dump_logs() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || continue
        _sdh_log "---- last lines of $f"
        tail -n 15 "$f" >&2
    done
}

# Wait until "$@" succeeds, at most $1 seconds (polling every 0.05 s).
_sdh_wait_for() {
    local timeout=$1 tries
    shift
    tries=$((timeout * 20))
    while [ "$tries" -gt 0 ]; do
        if "$@"; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# Alive and not a zombie (in containers PID 1 often never reaps orphans).
_sdh_pid_dead() { ! _sdh_pid_alive "$1"; }

_sdh_pid_alive() {
    local state
    [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 1
    state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
    [ "$state" != Z ]
}

# Stop pid $1: TERM, wait up to $2 seconds (default 2), then KILL. (A
# speech-dispatcher stuck on a broken audio output ignores TERM; a healthy
# one takes about 2 s to shut down, which we do not need to wait for.)
_sdh_kill_pid() {
    local pid=$1 tries=$(( ${2:-2} * 20 ))
    _sdh_pid_alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null
    while [ "$tries" -gt 0 ]; do
        _sdh_pid_alive "$pid" || return 0
        sleep 0.05
        tries=$((tries - 1))
    done
    kill -KILL "$pid" 2>/dev/null
    tries=20
    while [ "$tries" -gt 0 ]; do
        _sdh_pid_alive "$pid" || return 0
        sleep 0.05
        tries=$((tries - 1))
    done
}

# Pids whose command line mentions our private directory: the daemons and
# the speech-dispatcher output modules (started as
# sd_espeak-ng DIR/conf/modules/espeak-ng.conf), which outlive their parent.
# The regex does not match grep's own command line.
_sdh_own_pids() {
    grep -laE -- "${_sdh_dir}/(conf|run|log)/" /proc/[0-9]*/cmdline 2>/dev/null |
        sed -n 's|^/proc/\([0-9]*\)/cmdline$|\1|p'
}

speechd_headless_stop() {
    [ -n "${_sdh_dir:-}" ] || return 0
    local pid
    if [ -n "${_sdh_rec_pid:-}" ]; then
        # SIGINT lets parec finish the WAV header; KILL if it hangs.
        kill -INT "$_sdh_rec_pid" 2>/dev/null
        _sdh_wait_for 2 _sdh_pid_dead "$_sdh_rec_pid" || _sdh_kill_pid "$_sdh_rec_pid" 0
        wait "$_sdh_rec_pid" 2>/dev/null
        _sdh_rec_pid=
    fi
    if [ -f "$_sdh_dir/speechd.pid" ]; then
        _sdh_kill_pid "$(cat "$_sdh_dir/speechd.pid" 2>/dev/null)" 0
    fi
    if [ -f "$_sdh_dir/run/pulse/pid" ]; then
        _sdh_kill_pid "$(cat "$_sdh_dir/run/pulse/pid" 2>/dev/null)"
    fi
    for pid in $(_sdh_own_pids); do
        _sdh_kill_pid "$pid" 0
    done
    if [ "${_sdh_keep:-0}" = 1 ]; then
        _sdh_log "kept $_sdh_dir"
    else
        rm -rf "$_sdh_dir"
    fi
    _sdh_dir=
}

# Start everything and export the environment. Returns 0, or 2 (missing
# programs) / 3 (a daemon did not start), having cleaned up.
_sdh_start() {
    local no_audio=$1 timeout=${SPEECHD_HEADLESS_TIMEOUT:-10}
    local conf_src=${SPEECHD_HEADLESS_CONF_SRC:-/etc/speech-dispatcher}
    local missing="" prog module_dir=/usr/lib/speech-dispatcher-modules

    command -v speech-dispatcher >/dev/null 2>&1 || missing="$missing speech-dispatcher"
    if [ "$no_audio" = 0 ]; then
        for prog in pulseaudio pactl; do
            command -v "$prog" >/dev/null 2>&1 || missing="$missing $prog"
        done
    fi
    [ -x "$module_dir/sd_espeak-ng" ] || missing="$missing $module_dir/sd_espeak-ng"
    [ -f "$conf_src/speechd.conf" ] || missing="$missing $conf_src/speechd.conf"
    [ -f "$conf_src/modules/espeak-ng.conf" ] || missing="$missing $conf_src/modules/espeak-ng.conf"
    if [ -n "$missing" ]; then
        _sdh_log "missing:$missing"
        _sdh_log "install with: apt-get install -y $_sdh_pkgs"
        return 2
    fi

    # Short path: unix socket paths must stay under 108 bytes.
    _sdh_dir=$(mktemp -d "${TMPDIR:-/tmp}/sdh.XXXXXX") || { _sdh_log "mktemp failed"; return 3; }
    mkdir -p "$_sdh_dir/run" "$_sdh_dir/home" "$_sdh_dir/log" "$_sdh_dir/pulse-state" || return 3
    chmod 700 "$_sdh_dir" "$_sdh_dir/run"

    local pulse_socket="$_sdh_dir/run/pulse/native"
    [ "$no_audio" = 1 ] && pulse_socket="$_sdh_dir/no-pulse-here/native"

    # Environment shared by both daemons: everything private.
    local -a denv=(
        HOME="$_sdh_dir/home"
        XDG_RUNTIME_DIR="$_sdh_dir/run"
        XDG_CONFIG_HOME="$_sdh_dir/home/.config"
        XDG_CACHE_HOME="$_sdh_dir/home/.cache"
        PULSE_RUNTIME_PATH="$_sdh_dir/run/pulse"
        PULSE_STATE_PATH="$_sdh_dir/pulse-state"
        PULSE_COOKIE="$_sdh_dir/pulse-cookie"
        PULSE_SERVER="unix:$pulse_socket"
        DBUS_SESSION_BUS_ADDRESS=disabled:
    )

    if [ "$no_audio" = 0 ]; then
        # -n: no default.pa; only the protocol and a null sink. Anonymous
        # auth so no cookie has to be shared. As root PulseAudio only warns.
        if ! env "${denv[@]}" pulseaudio --daemonize=yes --exit-idle-time=-1 -n \
            --use-pid-file=yes --disable-shm=yes --realtime=no --high-priority=no \
            --log-target="file:$_sdh_dir/pulse.log" \
            --load="module-native-protocol-unix auth-anonymous=1 socket=$pulse_socket" \
            --load="module-null-sink sink_name=nullsink" 2>>"$_sdh_dir/pulse.log"; then
            _sdh_log "pulseaudio failed to start"
            _sdh_dump_logs "$_sdh_dir/pulse.log"
            speechd_headless_stop
            return 3
        fi
        if ! _sdh_wait_for "$timeout" env "${denv[@]}" pactl list short sinks \
            >/dev/null 2>&1; then
            _sdh_log "pulseaudio did not answer on $pulse_socket within ${timeout}s"
            _sdh_dump_logs "$_sdh_dir/pulse.log"
            speechd_headless_stop
            return 3
        fi
    fi

    # Private speech-dispatcher configuration: the system one, with our
    # audio output, only the espeak-ng module, and logs in our directory.
    cp -r "$conf_src" "$_sdh_dir/conf" || { speechd_headless_stop; return 3; }
    sed -i -E '/^[[:space:]]*(AudioOutputMethod|AddModule|DefaultModule|LogDir|AudioPulseServer)[[:space:]]/d' \
        "$_sdh_dir/conf/speechd.conf"
    cat >>"$_sdh_dir/conf/speechd.conf" <<EOF

# --- added by speechd-headless.sh ---
LogDir "$_sdh_dir/log"
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
EOF

    local sock="$_sdh_dir/speechd.sock"
    if ! env "${denv[@]}" speech-dispatcher -d -t 0 -C "$_sdh_dir/conf" \
        -c unix_socket -S "$sock" -P "$_sdh_dir/speechd.pid" \
        >"$_sdh_dir/speechd.stderr" 2>&1; then
        _sdh_log "speech-dispatcher failed to start"
        _sdh_dump_logs "$_sdh_dir/speechd.stderr" "$_sdh_dir"/log/*.log
        speechd_headless_stop
        return 3
    fi
    if ! _sdh_wait_for "$timeout" test -S "$sock"; then
        _sdh_log "speech-dispatcher socket $sock did not appear within ${timeout}s"
        _sdh_dump_logs "$_sdh_dir/speechd.stderr" "$_sdh_dir"/log/*.log
        speechd_headless_stop
        return 3
    fi

    export SPEECHD_ADDRESS="unix_socket:$sock"
    export PULSE_SERVER="unix:$pulse_socket"
    export PULSE_COOKIE="$_sdh_dir/pulse-cookie"
    export SPEECHD_HEADLESS_DIR="$_sdh_dir"
    if [ "$no_audio" = 1 ]; then
        export SPEECHD_HEADLESS_MODE=no-audio
        unset SPEECHD_HEADLESS_MONITOR
    else
        export SPEECHD_HEADLESS_MODE=audio
        export SPEECHD_HEADLESS_MONITOR=nullsink.monitor
    fi
    return 0
}

# Parse options into _sdh_no_audio, _sdh_keep, _sdh_record; sets _sdh_nopt
# to the number of words consumed (including "--").
_sdh_parse() {
    _sdh_no_audio=0 _sdh_keep=0 _sdh_record='' _sdh_nopt=0 _sdh_dashdash=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --no-audio) _sdh_no_audio=1 ;;
            --keep) _sdh_keep=1 ;;
            --record)
                [ $# -ge 2 ] || { _sdh_log "--record needs a file"; return 2; }
                _sdh_record=$2
                shift
                _sdh_nopt=$((_sdh_nopt + 1))
                ;;
            -h | --help) _sdh_usage; return 1 ;;
            --) _sdh_nopt=$((_sdh_nopt + 1)); _sdh_dashdash=1; return 0 ;;
            *) _sdh_log "unknown option $1 (see --help)"; return 2 ;;
        esac
        shift
        _sdh_nopt=$((_sdh_nopt + 1))
    done
    return 0
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: start and leave the environment in the caller's shell.
    if _sdh_parse "$@"; then
        if [ -n "$_sdh_record" ]; then
            _sdh_log "--record only works with -- COMMAND"
        elif _sdh_start "$_sdh_no_audio"; then
            if [ -z "$(trap -p EXIT)" ]; then
                trap speechd_headless_stop EXIT
            fi
            _sdh_log "running in $SPEECHD_HEADLESS_DIR ($SPEECHD_HEADLESS_MODE); call speechd_headless_stop to stop"
        fi
    fi
    return 0 2>/dev/null
fi

# Executed: bash speechd-headless.sh [OPTIONS] -- COMMAND [ARGS...]
_sdh_parse "$@"
case $? in
    0) ;;
    1) exit 0 ;;
    *) exit 2 ;;
esac
shift "$_sdh_nopt"
if [ "$_sdh_dashdash" != 1 ] || [ $# -eq 0 ]; then
    _sdh_log "no command given: use  bash $0 [--no-audio] -- COMMAND [ARGS...]  (or source it)"
    exit 2
fi

_sdh_rec_pid=
trap 'speechd_headless_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

_sdh_start "$_sdh_no_audio" || exit $?

if [ -n "$_sdh_record" ]; then
    if [ "$_sdh_no_audio" = 1 ]; then
        _sdh_log "--record ignored with --no-audio"
    elif ! command -v parec >/dev/null 2>&1; then
        _sdh_log "parec missing (apt-get install -y pulseaudio-utils)"
        exit 2
    else
        parec -d "$SPEECHD_HEADLESS_MONITOR" --file-format=wav "$_sdh_record" \
            2>>"$_sdh_dir/parec.log" &
        _sdh_rec_pid=$!
        # Give the recorder time to attach to the monitor.
        sleep 0.2
    fi
fi

# Not exec: we must clean up afterwards. Run in the foreground and pass the
# exit code through.
"$@"
_sdh_rc=$?
exit "$_sdh_rc"
