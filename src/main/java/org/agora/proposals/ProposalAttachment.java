package org.agora.proposals;

import org.agora.shared.FileFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one image or PDF a proposal may carry; its type was recognised from its bytes. */
@Entity
@Table(name = "proposal_attachment")
class ProposalAttachment {

    @Id
    @Column(name = "proposal_id")
    private Long proposalId;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "file_name")
    private String fileName;

    private byte[] data;

    protected ProposalAttachment() {
    }

    ProposalAttachment(long proposalId, FileFormat format, String fileName, byte[] data) {
        this.proposalId = proposalId;
        replace(format, fileName, data);
    }

    void replace(FileFormat format, String fileName, byte[] data) {
        this.contentType = format.mediaType();
        this.fileName = fileName;
        this.data = data;
    }

    Long proposalId() { return proposalId; }
    String contentType() { return contentType; }
    String fileName() { return fileName; }
    byte[] data() { return data; }
    boolean isImage() { return contentType.startsWith("image/"); }
}
