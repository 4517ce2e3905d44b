package org.bulkhead.libvirt;

import java.util.UUID;

/** Domain XML for tests, with names escaped the way any XML writer must. */
final class TestDomains {

    static final String TEST_SECLABEL = "<seclabel type='static' model='testSecurity' relabel='no'>"
            + "<label>system_u:system_r:svirt_t:s0:c1,c2</label></seclabel>";

    private TestDomains() {
    }

    /** A name no other test (or earlier run) uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A domain for libvirt's in-process test driver. */
    static String testDriver(String name, String devices) {
        return "<domain type='test'>"
                + "<name>" + escape(name) + "</name>"
                + "<memory unit='MiB'>64</memory>"
                + "<os><type>hvm</type></os>"
                + "<devices>" + devices + "</devices>"
                + TEST_SECLABEL
                + "</domain>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
