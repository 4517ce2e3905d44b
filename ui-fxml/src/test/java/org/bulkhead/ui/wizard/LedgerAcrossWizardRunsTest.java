package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many wizard runs on test:///default with a pool of only 28 pairs, app restarts (a fresh
 * ledger rebuilt from libvirt's XML) and domains defined behind Bulkhead's back: no two
 * domains ever end up with the same pair.
 */
class LedgerAcrossWizardRunsTest {

    private final String prefix = WizardFixtures.uniqueName("ledger");
    private final HypervisorConnection check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI);

    @AfterEach
    void cleanUp() {
        WizardFixtures.removeDomains(check, prefix);
        check.close();
    }

    private ProvisionOutcome run(LabelLedgers ledgers, String name) {
        NewVmWizardViewModel wizard = new NewVmWizardViewModel(WizardFixtures.services(new LibvirtHypervisor(),
                Optional.empty(), Optional.empty(), ledgers), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI));
        try {
            wizard.nameProperty().set(name);
            wizard.next();
            wizard.sourceKindProperty().set(SourceKind.NETWORK);
            wizard.next();
            wizard.next();
            wizard.newVolumeProperty().set(false);
            wizard.next();
            wizard.startAfterProperty().set(false);
            wizard.next();
            assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
            wizard.acknowledgeWarningsProperty().set(true);
            wizard.finish();
            return wizard.outcomeProperty().get();
        } finally {
            wizard.close();
        }
    }

    @Test
    void noPairIsHandedOutTwiceAcrossRunsRestartsAndDomainsDefinedBehindTheWizardsBack() {
        Random random = new Random(11);
        LabelLedgers ledgers = null;
        for (int run = 0; run < 20; run++) {
            if (run % 4 == 0) {
                int seed = run;
                // A restart: nothing survives but what libvirt keeps in the domains' XML.
                ledgers = new LabelLedgers(() -> LedgerConfig.defaults().withCategories(0, 7).withRandom(new Random(seed)));
            }
            if (run % 3 == 1) {
                int first = random.nextInt(7);
                McsPair pair = new McsPair(first, first + 1 + random.nextInt(7 - first));
                String xml = "<domain type='test'><name>" + prefix + "-manual-" + run + "</name><memory>65536</memory>"
                        + "<os><type>hvm</type></os><seclabel type='static' model='testSecurity' relabel='yes'><label>"
                        + "system_u:system_r:svirt_t:s0:" + pair + "</label></seclabel></domain>";
                if (pairsInUse().get(pair) == null) {
                    check.define(xml);
                }
            }
            ProvisionOutcome outcome = run(ledgers, prefix + "-" + run);
            assertTrue(outcome.succeeded(), outcome.failure().toString());
        }
        Map<McsPair, String> pairs = pairsInUse();
        assertTrue(pairs.size() >= 20, "every run got a pair: " + pairs);
    }

    /** The pair of every domain of this test, failing when two share one. */
    private Map<McsPair, String> pairsInUse() {
        Map<McsPair, String> pairs = new HashMap<>();
        for (DomainRecord domain : check.listDomains()) {
            if (!domain.name().startsWith(prefix)) {
                continue;
            }
            for (SecLabel seclabel : DomainXml.parse(domain.xml()).seclabels()) {
                McsPair pair = SecurityContext.parse(seclabel.label().orElseThrow()).mcsPair().orElseThrow();
                String other = pairs.put(pair, domain.name());
                assertEquals(null, other, domain.name() + " and " + other + " share " + pair);
            }
        }
        return pairs;
    }
}
