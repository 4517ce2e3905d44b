package org.bulkhead.model.security;

import java.util.Optional;

/** One {@code <seclabel>} of a domain as libvirt reports it, ready to show. */
public record SeclabelView(String model, String type, boolean relabel, Optional<String> label,
        Optional<String> imageLabel) {
}
