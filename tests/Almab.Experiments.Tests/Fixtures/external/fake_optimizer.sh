#!/bin/sh
# A tiny external optimizer for the bridge tests (no Python needed). It speaks the JSON-lines protocol for a space
# of two parameters and always proposes (0.5, 2). FAKE_MODE chooses how it misbehaves on the first ask:
#   ok (default) | exit (exits 3, "boom" on stderr) | garbage (prints a non-JSON line) | stall (never answers)
#   | outside (proposes a point outside the space) | error (an {"error": ...} reply) | short (one parameter only)
# FAKE_LOG, when set, receives every request line.
mode="${FAKE_MODE:-ok}"
next=0
while IFS= read -r line; do
    [ -n "$FAKE_LOG" ] && printf '%s\n' "$line" >> "$FAKE_LOG"
    case "$line" in
        *'"op":"init"'*) echo '{"ok":true,"name":"fake"}' ;;
        *'"op":"ask"'*)
            case "$mode" in
                exit) echo "boom" >&2; exit 3 ;;
                garbage) echo "hello world"; continue ;;
                stall) sleep 60; continue ;;
                error) echo '{"error":"sampler broke"}'; continue ;;
            esac
            count=$(printf '%s' "$line" | sed 's/.*"count":\([0-9]*\).*/\1/')
            out='{"trials":['
            i=0
            while [ "$i" -lt "$count" ]; do
                [ "$i" -gt 0 ] && out="$out,"
                case "$mode" in
                    outside) out="$out{\"id\":$next,\"params\":[7.5,2]}" ;;
                    short) out="$out{\"id\":$next,\"params\":[0.5]}" ;;
                    *) out="$out{\"id\":$next,\"params\":[0.5,2]}" ;;
                esac
                next=$((next + 1)); i=$((i + 1))
            done
            echo "$out],\"seconds\":0.001}" ;;
        *'"op":"tell"'*) echo '{"ok":true}' ;;
        *'"op":"close"'*) exit 0 ;;
        *) echo '{"error":"unknown op"}' ;;
    esac
done
