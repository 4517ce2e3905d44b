package org.bulkhead.model.store;

/** A domain is identified by its connection and its UUID; names can be reused. */
public record DomainKey(String connectionUri, String uuid) {
}
