package itu.wsis.registration.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply path's SQL lives in sql/reply-path.sql; the Java that maps its rows must agree with it. */
class ReplyPathSqlTest {

    @Test
    void theCurrentReplyIsReadWithTheColumnsTheRowMappingExpects() {
        String lateral = ReplyRepository.LOAD_FOR_REPLY.replaceAll("\\s+", " ");
        String columns = ReplyRepository.REPLY_COLUMNS.replaceAll("\\s+", " ").strip();

        assertThat(lateral).contains("left join lateral (select " + columns + " from reply");
    }

    @Test
    void theStatementsAreTheOnesTheRepositoriesBind() {
        assertThat(InvitationLinkStates.LINK_STATE).startsWith("select link_version").endsWith("where invitation_id = $1");
        assertThat(ReplyRepository.INSERT_REPLY).startsWith("insert into reply").contains("$14")
                .endsWith("on conflict (invitation_id, version) do nothing");
    }
}
