#!/bin/bash
# Time from Enter on the first section of a model to its text on screen (a
# wrapped paragraph containing 亿元), in a detached 80x24 tmux session.
# usage: scripts/section-open.sh BINARY MODEL
tmux kill-session -t ot 2>/dev/null
tmux new-session -d -s ot -x 80 -y 24 "$1 --model $2"
for i in $(seq 1 300); do tmux capture-pane -t ot -p | grep -q "Outline" && break; sleep 0.1; done
sleep 3
tmux send-keys -t ot j; sleep 0.5
t0=$(date +%s.%N); tmux send-keys -t ot Enter
for i in $(seq 1 1200); do tmux capture-pane -t ot -p | grep -q "亿元" && break; sleep 0.1; done
t1=$(date +%s.%N)
tmux capture-pane -t ot -p | grep -q "亿元" && echo "opened in $(echo "$t1 - $t0" | bc) s" || echo "not open after $(echo "$t1 - $t0" | bc) s"
tmux kill-session -t ot
