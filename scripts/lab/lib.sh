# shellcheck shell=bash
# Shared by the lab scripts: where the lab lives and which image the recipe asks for.
# Sourced after `lab_dir` is set to this folder.
: "${lab_dir:?set lab_dir to scripts/lab before sourcing lib.sh}"

lab_say() { echo "lab: $*" >&2; }
lab_die() { lab_say "$*"; exit 1; }

# The cache holds built images (one folder per recipe hash) and the running lab's state.
# It is outside the repository: $BULKHEAD_LAB_CACHE, else /var/cache/bulkhead-lab for root,
# else $XDG_CACHE_HOME/bulkhead-lab.
lab_cache() {
    if [[ -n ${BULKHEAD_LAB_CACHE:-} ]]; then
        echo "$BULKHEAD_LAB_CACHE"
    elif [[ $(id -u) -eq 0 ]]; then
        echo /var/cache/bulkhead-lab
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/bulkhead-lab"
    fi
}

# The recipe is build-image plus everything in recipe/; its hash names the image.
lab_recipe_hash() {
    (cd "$lab_dir" && { echo build-image; find recipe -type f | LC_ALL=C sort; } \
        | while read -r f; do echo "== $f"; cat "$f"; done) | sha256sum | cut -c1-16
}

lab_image_dir() { echo "$(lab_cache)/image-$(lab_recipe_hash)"; }
lab_run_dir() { echo "$(lab_cache)/run"; }

lab_libvirt_port() { echo "${BULKHEAD_LAB_LIBVIRT_PORT:-16510}"; }
lab_ssh_port() { echo "${BULKHEAD_LAB_SSH_PORT:-16522}"; }
lab_uri() { echo "qemu+tcp://127.0.0.1:$(lab_libvirt_port)/system"; }
# The same libvirtd as a remote host over libvirt's SSH transport, with the lab's key.
lab_ssh_uri() { echo "qemu+ssh://root@127.0.0.1:$(lab_ssh_port)/system?keyfile=$(lab_key)&no_verify=1"; }

# lab_image_ready: the image for the current recipe is complete.
lab_image_ready() { [[ -f $(lab_image_dir)/complete ]]; }

# The running lab's key is copied beside its pid at start, so a rebuild of the image (a new
# key) does not lock out a lab that is still running the old one.
lab_key() {
    if [[ -f $(lab_run_dir)/lab_key ]]; then
        echo "$(lab_run_dir)/lab_key"
    else
        echo "$(lab_image_dir)/lab_key"
    fi
}

lab_ssh_opts() {
    echo "-i $(lab_key) -p $(lab_ssh_port) -o StrictHostKeyChecking=no" \
         "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes" \
         "-o ConnectTimeout=10"
}

# lab_ssh CMD...: runs CMD as root in the lab.
lab_ssh() {
    # shellcheck disable=SC2046
    ssh $(lab_ssh_opts) root@127.0.0.1 "$@"
}

# lab_qemu_pid: the pid of the lab's QEMU, if it is running (checks the pid is still QEMU).
lab_qemu_pid() {
    local file pid
    file=$(lab_run_dir)/qemu.pid
    [[ -s $file ]] || return 1
    pid=$(cat "$file")
    [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q bulkhead-lab \
        && echo "$pid"
}
