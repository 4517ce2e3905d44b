package org.bulkhead.model.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class IndexPoolTest {

    @Test
    void theOnlyFreeIndexIsFoundFromAnyStart() {
        IndexPool pool = new IndexPool(1000);
        for (int i = 0; i < 1000; i++) {
            pool.set(i, true);
        }
        pool.set(3, false);
        Random random = new Random(1);
        for (int round = 0; round < 200; round++) {
            assertEquals(3, pool.findFree(random), "wraps around when the start lies after the free index");
        }
        pool.set(3, true);
        assertEquals(-1, pool.findFree(random));
        assertEquals(0, pool.free());
    }

    @Test
    void settingTheSameStateTwiceCountsOnce() {
        IndexPool pool = new IndexPool(10);
        pool.set(4, true);
        pool.set(4, true);
        assertEquals(9, pool.free());
        pool.set(4, false);
        pool.set(4, false);
        assertEquals(10, pool.free());
    }
}
