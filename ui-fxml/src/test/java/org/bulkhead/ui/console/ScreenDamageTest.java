package org.bulkhead.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScreenDamageTest {

    private final List<Runnable> queued = new ArrayList<>();
    private final ScreenDamage damage = new ScreenDamage(queued::add);
    private IntBuffer image;

    private ScreenDamage.Region drain() {
        return damage.drain(region -> {
            if (image == null || image.capacity() != region.width() * region.height()) {
                image = IntBuffer.allocate(region.width() * region.height());
            }
            return image;
        });
    }

    @Test
    void onlyTheChangedRectangleIsCopiedAndOneRedrawCoversManyUpdates() {
        int[] frame = new int[64 * 48];
        damage.accept(frame, 64, 48);
        ScreenDamage.Region first = drain();
        assertTrue(first.resized());
        assertEquals(new ScreenDamage.Region(64, 48, true, 0, 0, 64, 48), first);

        frame[10 * 64 + 5] = 0xff112233;
        damage.accept(frame, 64, 48);
        frame[20 * 64 + 40] = 0xff445566;
        damage.accept(frame, 64, 48);
        assertEquals(1, queued.size(), "one redraw asked for, not yet run: every later update merges into it");
        assertEquals(new ScreenDamage.Region(64, 48, false, 5, 10, 41, 21), drain());
        assertEquals(0xff445566, image.get(20 * 64 + 40));
        assertTrue(drain().isEmpty(), "nothing changed since");
    }

    @Test
    void aResizeFromTheGuestGivesAWholeNewFrameOfTheNewSize() {
        damage.accept(new int[720 * 400], 720, 400);
        drain();
        int[] bigger = new int[1024 * 768];
        bigger[bigger.length - 1] = 0xffffffff;
        damage.accept(bigger, 1024, 768);
        ScreenDamage.Region region = drain();
        assertEquals(new ScreenDamage.Region(1024, 768, true, 0, 0, 1024, 768), region);
        assertEquals(0xffffffff, image.get(bigger.length - 1));
        damage.accept(new int[0], 0, 0);
        assertTrue(drain().isEmpty());
        damage.accept(new int[100 * 10], 100, 10);
        assertEquals(new ScreenDamage.Region(100, 10, true, 0, 0, 100, 10), drain());
    }
}
