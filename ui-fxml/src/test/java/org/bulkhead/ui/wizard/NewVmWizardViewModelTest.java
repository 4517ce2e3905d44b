package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wizard's view model on the test driver, page by page, as a user would go through it. */
class NewVmWizardViewModelTest {

    private final String prefix = WizardFixtures.uniqueName("vm");
    private HypervisorConnection check;
    private NewVmWizardViewModel wizard;

    @BeforeEach
    void open() {
        check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI);
        wizard = new NewVmWizardViewModel(WizardFixtures.testDriver(), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI));
    }

    @AfterEach
    void close() {
        wizard.close();
        WizardFixtures.removeDomains(check, prefix);
        check.close();
    }

    private void answerEveryPage(String name) {
        answerEveryPage(name, () -> { });
    }

    /** @param afterEachPage runs the background work a page started (the ISO's check, the summary) */
    private void answerEveryPage(String name, Runnable afterEachPage) {
        wizard.nameProperty().set(name);
        wizard.next();
        afterEachPage.run();
        wizard.isoPathProperty().set("/isos/debian.iso");
        wizard.next();
        afterEachPage.run();
        wizard.memoryMiBProperty().set("256");
        wizard.next();
        afterEachPage.run();
        wizard.next(); // storage: a new volume in the first pool
        afterEachPage.run();
        wizard.next(); // network: default NAT
        afterEachPage.run();
    }

    @Test
    void isolatedIsOnByDefaultAndSaysWhatItDoes() {
        assertTrue(wizard.isolatedProperty().get());
        assertTrue(wizard.isolationExplanationProperty().get().contains("simulated"));
        assertEquals("", wizard.isolationUnavailableProperty().get());
        assertFalse(wizard.pinAvailableProperty().get(), "pinning is for SELinux hosts");
    }

    @Test
    void everyPageLeadsToASummaryWithTheLabelPlanAndXmlThenFinishCreatesTheVm() {
        answerEveryPage(prefix + "-a");
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        String label = wizard.summaryLabelProperty().get();
        assertTrue(label.matches("system_u:system_r:svirt_t:s0:c\\d+,c\\d+ \\(simulated: not enforced\\)"), label);
        assertTrue(wizard.domainXmlProperty().get().contains("model=\"testSecurity\""), wizard.domainXmlProperty().get());
        assertFalse(wizard.resourcePlan().isEmpty());
        PreflightFinding enforcement = wizard.findings().stream()
                .filter(f -> f.check() == PreflightFinding.Check.ENFORCEMENT).findFirst().orElseThrow();
        assertEquals(PreflightFinding.Status.WARNING, enforcement.status());
        assertFalse(wizard.canFinishProperty().get(), "a warning must be acknowledged first");

        wizard.acknowledgeWarningsProperty().set(true);
        assertTrue(wizard.canFinishProperty().get());
        wizard.finish();

        assertEquals(WizardPage.RESULT, wizard.pageProperty().get());
        assertTrue(wizard.outcomeProperty().get().succeeded(), wizard.outcomeTextProperty().get());
        assertEquals(Verification.Verdict.SIMULATED, wizard.outcomeProperty().get().verification().orElseThrow().verdict());
        assertTrue(wizard.progress().stream().anyMatch(line -> line.startsWith("[done] Create the disk volume")),
                wizard.progress().toString());
        assertTrue(wizard.progress().stream().noneMatch(line -> line.startsWith("[running]")), wizard.progress().toString());
        assertEquals(PreflightFinding.Status.WARNING, wizard.findings().get(0).status(), "what needs attention comes first");
        DomainRecord created = check.domain(wizard.outcomeProperty().get().uuid()).orElseThrow();
        assertTrue(created.state().isActive());
        DomainSpec spec = DomainXml.parse(created.xml());
        assertEquals(label.substring(0, label.indexOf(' ')), spec.seclabels().get(0).label().orElseThrow());
    }

    @Test
    void uncheckingIsolatedSaysAtOnceWhichSharedLabelTheVmWouldGet() {
        String isolated = wizard.isolationExplanationProperty().get();
        wizard.isolatedProperty().set(false);
        assertEquals("Not isolated: this VM will run as system_u:system_r:svirt_t:s0 (shared; simulated: not enforced).",
                wizard.isolationExplanationProperty().get());
        wizard.isolatedProperty().set(true);
        assertEquals(isolated, wizard.isolationExplanationProperty().get());
    }

    @Test
    void finishSaysWhyItIsOffUntilTheWarningsAreAcknowledged() {
        assertEquals("", wizard.finishBlockerProperty().get(), "nothing to say before the summary");
        answerEveryPage(prefix + "-why");
        assertEquals("Finish is off until you tick “I have read the warnings and what could not be checked”.",
                wizard.finishBlockerProperty().get());
        wizard.acknowledgeWarningsProperty().set(true);
        assertEquals("", wizard.finishBlockerProperty().get());
        assertTrue(wizard.canFinishProperty().get());
    }

    @Test
    void closingLosesAnswersOnlyOnceSomethingWasTypedAndNotAfterFinish() {
        assertFalse(wizard.wouldLoseAnswers(), "an untouched wizard has nothing to lose");
        wizard.nameProperty().set(prefix + "-lose");
        assertTrue(wizard.wouldLoseAnswers());
        answerEveryPage(prefix + "-lose");
        wizard.acknowledgeWarningsProperty().set(true);
        wizard.finish();
        assertFalse(wizard.wouldLoseAnswers(), "the VM exists: closing the result page loses nothing");
    }

    @Test
    void uncheckedGivesTheSharedS0Label() {
        wizard.isolatedProperty().set(false);
        answerEveryPage(prefix + "-shared");
        assertEquals("system_u:system_r:svirt_t:s0 (shared; simulated: not enforced)", wizard.summaryLabelProperty().get());
    }

    @Test
    void emptyAndMultiLineNamesAreRefusedOnTheFirstPage() {
        wizard.next();
        assertEquals(WizardPage.NAME, wizard.pageProperty().get());
        assertEquals("Enter a name for the virtual machine.", wizard.pageErrorProperty().get());
        wizard.nameProperty().set("two\nlines");
        wizard.next();
        assertEquals(WizardPage.NAME, wizard.pageProperty().get());
        assertTrue(wizard.pageErrorProperty().get().contains("line break"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-q'uo\"te", "-lt<gt>", "-amp&amp;", "-</name><uuid>x</uuid>"})
    void hostileNamesBecomeTheVmsNameAndNothingElse(String suffix) {
        String name = prefix + suffix;
        answerEveryPage(name);
        if (name.contains("/")) {
            assertEquals(WizardPage.NAME, wizard.pageProperty().get());
            return;
        }
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        assertEquals(name, DomainXml.parse(wizard.domainXmlProperty().get()).name());
    }

    @Test
    void zeroMemoryAndAMissingIsoStopTheirPages() {
        wizard.nameProperty().set(prefix);
        wizard.next();
        wizard.next();
        assertEquals(WizardPage.SOURCE, wizard.pageProperty().get());
        assertEquals("Choose the installer ISO.", wizard.pageErrorProperty().get());
        wizard.isoPathProperty().set("/isos/x.iso");
        wizard.next();
        wizard.memoryMiBProperty().set("0");
        wizard.next();
        assertEquals(WizardPage.RESOURCES, wizard.pageProperty().get());
        assertTrue(wizard.pageErrorProperty().get().startsWith("Give the VM some memory"));
        wizard.memoryMiBProperty().set("lots");
        wizard.next();
        assertTrue(wizard.pageErrorProperty().get().contains("whole number"));
    }

    @Test
    void goingBackFromTheSummaryOrCancellingGivesTheReservedLabelBack() {
        LabelLedgers ledgers = LabelLedgers.withDefaults();
        wizard.close();
        wizard = new NewVmWizardViewModel(WizardFixtures.services(new LibvirtHypervisor(), Optional.empty(),
                Optional.empty(), ledgers), new SameThreadTaskExecutor(), Runnable::run, List.of(WizardFixtures.TEST_URI));
        LabelLedger ledger = ledgers.forUri(WizardFixtures.TEST_URI);

        answerEveryPage(prefix + "-back");
        int reserved = ledger.freePairs();
        wizard.back();
        assertEquals(WizardPage.NETWORK, wizard.pageProperty().get());
        assertEquals(reserved + 1, ledger.freePairs());
        wizard.next();
        assertEquals(reserved, ledger.freePairs());
        wizard.close();
        assertEquals(reserved + 1, ledger.freePairs());
    }

    /** Runs queued work newest first: the worst order a thread pool could pick. */
    private static final class NewestFirstTasks implements org.bulkhead.ui.common.TaskExecutor {
        private final java.util.Deque<Runnable> queue = new java.util.ArrayDeque<>();

        @Override
        public <T> void submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<? super Exception> onFailure) {
            queue.push(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.pop().run();
            }
        }
    }

    @Test
    void closingTheWindowDuringFinishLetsFinishCompleteBeforeTheConnectionCloses() {
        NewestFirstTasks tasks = new NewestFirstTasks();
        wizard.close();
        wizard = new NewVmWizardViewModel(WizardFixtures.testDriver(), tasks, Runnable::run,
                List.of(WizardFixtures.TEST_URI));
        tasks.runAll();
        answerEveryPage(prefix + "-closing", tasks::runAll);
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        wizard.acknowledgeWarningsProperty().set(true);
        wizard.finish();
        wizard.close();
        tasks.runAll();

        assertTrue(wizard.outcomeProperty().get().succeeded(), wizard.outcomeTextProperty().get());
        assertTrue(check.domain(wizard.outcomeProperty().get().uuid()).isPresent());
    }
}
