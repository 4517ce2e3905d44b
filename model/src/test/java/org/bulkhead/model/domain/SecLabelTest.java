package org.bulkhead.model.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecLabelTest {

    private static SecLabel of(Optional<SecLabel.Type> type, Optional<Boolean> relabel) {
        return new SecLabel("selinux", type, relabel, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aStaticLabelRelabelsOnlyWhenAskedTo() {
        assertFalse(of(Optional.of(SecLabel.Type.STATIC), Optional.empty()).effectiveRelabel());
        assertFalse(of(Optional.of(SecLabel.Type.STATIC), Optional.of(false)).effectiveRelabel());
        assertTrue(of(Optional.of(SecLabel.Type.STATIC), Optional.of(true)).effectiveRelabel());
    }

    @Test
    void aDynamicLabelAlwaysRelabels() {
        assertTrue(of(Optional.of(SecLabel.Type.DYNAMIC), Optional.empty()).effectiveRelabel());
        assertTrue(of(Optional.of(SecLabel.Type.DYNAMIC), Optional.of(true)).effectiveRelabel());
    }

    @Test
    void typeNoneNeverRelabels() {
        assertFalse(of(Optional.of(SecLabel.Type.NONE), Optional.empty()).effectiveRelabel());
        assertFalse(SecLabel.none("selinux").effectiveRelabel());
    }

    @Test
    void anUntypedLabelIsTakenToResolveToDynamicUnlessItSaysNo() {
        assertTrue(of(Optional.empty(), Optional.empty()).effectiveRelabel());
        assertFalse(of(Optional.empty(), Optional.of(false)).effectiveRelabel());
    }
}
