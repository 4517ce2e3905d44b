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

# --- Flavours -----------------------------------------------------------------------------
# The lab comes in two flavours, chosen by BULKHEAD_LAB_FLAVOUR (lab --flavour sets it):
# selinux (the default, recipe in this folder) and apparmor (recipe in apparmor/). Each has its
# own recipe, image cache, running state, key and ports, so both labs can run at once.
lab_flavour=${BULKHEAD_LAB_FLAVOUR:-selinux}
case $lab_flavour in
    selinux | apparmor) ;;
    *) lab_die "unknown lab flavour '$lab_flavour' (selinux or apparmor)" ;;
esac

# The folder holding the flavour's build-image and recipe/.
lab_recipe_dir() { echo "$lab_dir"; }
# The kernel command line that turns the flavour's MAC on.
lab_kernel_args() { echo "security=selinux selinux=1 enforcing=1"; }
# One word on the lab's MAC state, read in the running lab.
lab_mac_mode() { echo "SELinux $(lab_ssh getenforce)"; }

if [[ $lab_flavour == apparmor ]]; then
    lab_recipe_dir() { echo "$lab_dir/apparmor"; }
    # A cache beside the SELinux lab's: $BULKHEAD_LAB_APPARMOR_CACHE, else the SELinux lab's
    # cache folder with -apparmor appended. Never inside it, so neither lab's clean-up of
    # older images can touch the other's.
    lab_cache() {
        if [[ -n ${BULKHEAD_LAB_APPARMOR_CACHE:-} ]]; then
            echo "$BULKHEAD_LAB_APPARMOR_CACHE"
        elif [[ -n ${BULKHEAD_LAB_CACHE:-} ]]; then
            echo "${BULKHEAD_LAB_CACHE%/}-apparmor"
        elif [[ $(id -u) -eq 0 ]]; then
            echo /var/cache/bulkhead-lab-apparmor
        else
            echo "${XDG_CACHE_HOME:-$HOME/.cache}/bulkhead-lab-apparmor"
        fi
    }
    lab_recipe_hash() {
        (cd "$lab_dir/apparmor" && { echo build-image; find recipe -type f | LC_ALL=C sort; } \
            | while read -r f; do echo "== $f"; cat "$f"; done) | sha256sum | cut -c1-16
    }
    lab_libvirt_port() { echo "${BULKHEAD_LAB_APPARMOR_LIBVIRT_PORT:-16610}"; }
    lab_ssh_port() { echo "${BULKHEAD_LAB_APPARMOR_SSH_PORT:-16622}"; }
    lab_uri() { echo "qemu+tcp://127.0.0.1:$(lab_libvirt_port)/system"; }
    lab_kernel_args() { echo "security=apparmor apparmor=1"; }
    # One SSH connection shared by all calls: a fresh login into the emulated lab takes 10-20 s
    # on a busy machine (key exchange, PAM, logind), a multiplexed one about 1 s. The socket
    # lives in the run folder and goes with the lab.
    lab_ssh_opts() {
        echo "-i $(lab_key) -p $(lab_ssh_port) -o StrictHostKeyChecking=no" \
             "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes" \
             "-o ConnectTimeout=10 -o ControlMaster=auto -o ControlPersist=600" \
             "-o ControlPath=$(lab_run_dir)/ssh-%C"
    }
    lab_mac_mode() {
        echo "AppArmor $(lab_ssh 'cat /sys/module/apparmor/parameters/enabled; aa-status --enforced' \
            | tr '\n' ' ' | awk '{print ($1 == "Y" ? "enabled, " $2 " profiles enforced" : "disabled")}')"
    }
fi
