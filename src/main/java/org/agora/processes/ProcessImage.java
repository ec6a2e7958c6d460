package org.agora.processes;

import org.agora.shared.FileFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A process's illustration, kept apart from the process so that lists never load the bytes. */
@Entity
@Table(name = "process_image")
class ProcessImage {

    @Id
    @Column(name = "process_id")
    private Long processId;

    @Column(name = "content_type")
    private String contentType;

    private byte[] data;

    protected ProcessImage() {
    }

    ProcessImage(long processId, FileFormat format, byte[] data) {
        this.processId = processId;
        replace(format, data);
    }

    void replace(FileFormat format, byte[] bytes) {
        this.contentType = format.mediaType();
        this.data = bytes.clone();
    }

    String contentType() {
        return contentType;
    }

    byte[] data() {
        return data.clone();
    }
}
