package org.metrofabric.onostesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.EventuallyConsistentMap;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.TestStorageService;

class SharedStorageServiceTest {
    private final StorageService storage = new SharedStorageService();

    private ConsistentMap<String, String> map(StorageService service, String name) {
        return service.<String, String>consistentMapBuilder().withName(name).build();
    }

    @Test
    void aNameGivesTheSamePrimitiveToEveryone() {
        ConsistentMap<String, String> first = map(storage, "intents");
        map(storage, "intents").put("p1", "spine1");
        assertEquals("spine1", first.get("p1").value());
        assertNotSame(first, map(storage, "other"));
        EventuallyConsistentMap<String, String> ec = storage.<String, String>eventuallyConsistentMapBuilder()
                .withName("metrics").build();
        assertSame(ec, storage.<String, String>eventuallyConsistentMapBuilder().withName("metrics").build());
        assertSame(storage.setBuilder().withName("s").build(), storage.setBuilder().withName("s").build());
    }

    @Test
    void onosTestStorageServiceAloneDoesNotShare() {
        TestStorageService plain = new TestStorageService();
        map(plain, "intents").put("p1", "spine1");
        assertEquals(null, map(plain, "intents").get("p1"), "why SharedStorageService exists");
    }
}
