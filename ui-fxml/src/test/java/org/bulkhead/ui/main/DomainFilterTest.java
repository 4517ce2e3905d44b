package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bulkhead.model.hypervisor.DomainState;
import org.junit.jupiter.api.Test;

class DomainFilterTest {

    private final List<DomainRow> rows = List.of(
            new DomainRow(Snapshots.domain("00000000-0000-0000-0000-000000000001", "web", DomainState.RUNNING, "s0:c471,c902")),
            new DomainRow(Snapshots.domain("00000000-0000-0000-0000-000000000002", "db", DomainState.SHUT_OFF, "s0:c47,c300")),
            new DomainRow(Snapshots.domain("00000000-0000-0000-0000-000000000003", "Build-c471", DomainState.PAUSED, "s0:c1,c2")),
            new DomainRow(Snapshots.domain("00000000-0000-0000-0000-000000000004", "legacy", DomainState.RUNNING, null)));

    private List<String> matching(String text) {
        DomainFilter filter = DomainFilter.parse(text);
        return rows.stream().filter(filter).map(DomainRow::name).toList();
    }

    @Test
    void aCategoryMatchesDomainsCarryingItNotCategoriesThatStartWithIt() {
        assertEquals(List.of("web", "Build-c471"), matching("c471"), "by label category, or by name");
        assertEquals(List.of("db", "Build-c471"), matching("c47"),
                "category c47, or c47 in a name; web's label category c471 is not c47");
        assertEquals(List.of(), matching("c90"), "web carries c902, not c90");
    }

    @Test
    void otherWordsMatchPartOfTheNameLabelModelOrStateIgnoringCase() {
        assertEquals(List.of("Build-c471"), matching("BUILD"));
        assertEquals(List.of("web", "db", "Build-c471"), matching("svirt_t"));
        assertEquals(List.of("Build-c471"), matching("paused"));
        assertEquals(List.of("legacy"), matching("none"), "a domain with no label is found by model none");
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of("web"), matching("c471 running"));
        assertEquals(List.of(), matching("c471 shut"));
    }

    @Test
    void blankTextShowsEverything() {
        assertEquals(4, matching("   ").size());
    }
}
