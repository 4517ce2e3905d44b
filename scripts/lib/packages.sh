# Debian packages Bulkhead needs, and a function that installs the missing ones.
# Sourced by ./bulkhead and ./run-tests.

# To build and run on test:///default, and to show the window.
BULKHEAD_RUN_PACKAGES=(maven libvirt0 libgtk-3-0 libxtst6 libxxf86vm1 libgl1 fonts-dejavu-core)
# To run every test: a real libvirtd with QEMU (dnsmasq-base lets it start its default NAT
# network), xattr tools, an X server for screenshots (xwininfo from x11-utils finds the
# packaged app's window in scripts/package-smoke), GRUB's rescue ISO for a guest the console tests
# can see and type into, libosinfo's database (osinfo-db) and xorriso to make an ISO it recognises;
# a system bus and polkit for the kiosk's access-control proof; xdg-utils, which the .deb depends on
# (scripts/package-deb).
BULKHEAD_TEST_PACKAGES=(libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base attr
    util-linux xvfb xauth imagemagick x11-utils grub-rescue-pc osinfo-db xorriso dbus-daemon polkitd xdg-utils)

# ensure_packages PKG...: installs what is missing when root, otherwise says what to run.
ensure_packages() {
    local missing=() pkg
    # One dpkg-query for all of them: this runs before every start of the window.
    local -A installed=()
    while read -r pkg; do
        installed[$pkg]=1
    done < <(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null | sed -n 's/ install ok installed$//p')
    for pkg in "$@"; do
        [[ -n ${installed[$pkg]:-} ]] || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "bulkhead: missing Debian packages; install them with:" >&2
        echo "  sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
    echo "bulkhead: installing ${missing[*]}" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}
