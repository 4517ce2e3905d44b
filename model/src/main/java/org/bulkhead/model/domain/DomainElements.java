package org.bulkhead.model.domain;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

/**
 * Jackson's view of the parts of a domain XML Bulkhead reads; {@link DomainXmlReader} maps it to
 * the public records. Repeated elements are collected through adders, not list fields: Jackson
 * keeps only the last run of an unwrapped list when other elements interleave (disk, interface,
 * disk), and libvirt's XML interleaves freely.
 */
final class DomainElements {

    private DomainElements() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Domain {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(localName = "name")
        String name;
        @JacksonXmlProperty(localName = "uuid")
        String uuid;
        @JacksonXmlProperty(localName = "os")
        Os os;
        @JacksonXmlProperty(localName = "devices")
        Devices devices;
        final List<Seclabel> seclabels = new ArrayList<>();

        @JacksonXmlProperty(localName = "seclabel")
        void addSeclabel(Seclabel seclabel) {
            seclabels.add(seclabel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Os {
        @JacksonXmlProperty(localName = "kernel")
        String kernel;
        @JacksonXmlProperty(localName = "initrd")
        String initrd;
        @JacksonXmlProperty(localName = "dtb")
        String dtb;
        @JacksonXmlProperty(localName = "nvram")
        Nvram nvram;
    }

    /** Old form {@code <nvram>/path</nvram>}; libvirt 8.5+ also writes {@code <source file=...>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Nvram {
        @JacksonXmlText
        String text;
        @JacksonXmlProperty(localName = "source")
        Source source;

        Nvram() {
        }

        /** Jackson hands a text-only {@code <nvram>} over as a plain string. */
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static Nvram ofText(String text) {
            Nvram nvram = new Nvram();
            nvram.text = text;
            return nvram;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Devices {
        final List<Disk> disks = new ArrayList<>();
        final List<Chardev> chardevs = new ArrayList<>();

        @JacksonXmlProperty(localName = "disk")
        void addDisk(Disk disk) {
            disks.add(disk);
        }

        @JacksonXmlProperty(localName = "serial")
        void addSerial(Chardev chardev) {
            chardevs.add(chardev.as("serial"));
        }

        @JacksonXmlProperty(localName = "console")
        void addConsole(Chardev chardev) {
            chardevs.add(chardev.as("console"));
        }

        @JacksonXmlProperty(localName = "channel")
        void addChannel(Chardev chardev) {
            chardevs.add(chardev.as("channel"));
        }

        @JacksonXmlProperty(localName = "parallel")
        void addParallel(Chardev chardev) {
            chardevs.add(chardev.as("parallel"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Disk {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(isAttribute = true)
        String device;
        @JacksonXmlProperty(localName = "driver")
        Driver driver;
        @JacksonXmlProperty(localName = "source")
        Source source;
        @JacksonXmlProperty(localName = "target")
        Target target;
        /** Empty elements arrive as "": presence is what counts. */
        @JacksonXmlProperty(localName = "readonly")
        String readonly;
        @JacksonXmlProperty(localName = "shareable")
        String shareable;
        @JacksonXmlProperty(localName = "backingStore")
        BackingStore backingStore;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BackingStore {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(localName = "format")
        Format format;
        @JacksonXmlProperty(localName = "source")
        Source source;
        @JacksonXmlProperty(localName = "backingStore")
        BackingStore backingStore;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Driver {
        @JacksonXmlProperty(isAttribute = true)
        String type;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Format {
        @JacksonXmlProperty(isAttribute = true)
        String type;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Target {
        @JacksonXmlProperty(isAttribute = true)
        String dev;
    }

    /** A disk's, backing layer's or chardev's {@code <source>}; each uses a few of these. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Source {
        @JacksonXmlProperty(isAttribute = true)
        String file;
        @JacksonXmlProperty(isAttribute = true)
        String dev;
        @JacksonXmlProperty(isAttribute = true)
        String dir;
        @JacksonXmlProperty(isAttribute = true)
        String pool;
        @JacksonXmlProperty(isAttribute = true)
        String volume;
        @JacksonXmlProperty(isAttribute = true)
        String path;
        @JacksonXmlProperty(isAttribute = true)
        String mode;
        final List<DeviceSeclabel> seclabels = new ArrayList<>();

        @JacksonXmlProperty(localName = "seclabel")
        void addSeclabel(DeviceSeclabel seclabel) {
            seclabels.add(seclabel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Chardev {
        String element;
        @JacksonXmlProperty(isAttribute = true)
        String type;
        final List<Source> sources = new ArrayList<>();

        /** udp chardevs carry two sources (bind and connect); keep them all. */
        @JacksonXmlProperty(localName = "source")
        void addSource(Source source) {
            sources.add(source);
        }

        Chardev as(String elementName) {
            element = elementName;
            return this;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Seclabel {
        @JacksonXmlProperty(isAttribute = true)
        String type;
        @JacksonXmlProperty(isAttribute = true)
        String model;
        @JacksonXmlProperty(isAttribute = true)
        String relabel;
        @JacksonXmlProperty(localName = "label")
        String label;
        @JacksonXmlProperty(localName = "imagelabel")
        String imagelabel;
        @JacksonXmlProperty(localName = "baselabel")
        String baselabel;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class DeviceSeclabel {
        @JacksonXmlProperty(isAttribute = true)
        String model;
        @JacksonXmlProperty(isAttribute = true)
        String relabel;
        @JacksonXmlProperty(localName = "label")
        String label;
    }
}
