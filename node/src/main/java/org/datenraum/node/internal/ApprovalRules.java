package org.datenraum.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-approval rules saved at the site with the fingerprint of the policies they were made
 * under; a saved rule applies only while those policies are unchanged. Immutable.
 *
 * @param autoApprove the request types approved without a person
 * @param policy      the policy fingerprint at the time the rule was saved
 */
public record ApprovalRules(Set<RequestType> autoApprove, String policy) {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalRules.class);

  public ApprovalRules {
    autoApprove = Set.copyOf(autoApprove);
  }

  /**
   * The types to approve automatically: the given ones (then saved), else the saved ones if the
   * policy is unchanged, else none.
   */
  public static Set<RequestType> resolve(Set<RequestType> given, String policy, Path file) {
    try {
      if (given != null) {
        Path tmp = OwnerOnly.createTempFile(file.getParent(), ".tmp-", ".json");
        Files.writeString(tmp, WireJson.write(new ApprovalRules(given, policy)));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Set.copyOf(given);
      }
      if (!Files.exists(file)) {
        return Set.of();
      }
      ApprovalRules saved = WireJson.read(Files.readString(file), ApprovalRules.class);
      if (!saved.policy().equals(policy)) {
        LOG.warn("saved auto-approval rules were made under another policy; every request needs a person until"
            + " they are set again with --auto-approve");
        return Set.of();
      }
      return saved.autoApprove();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the approval rules " + file, e);
    }
  }
}
