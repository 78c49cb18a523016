package io.github.matomotracking.lookups;

import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;

/** Test helpers that make lookup additions the way the mapper would. */
final class Additions {

  private Additions() {}

  static LookupAddition page(String id, String name, String url) {
    return LookupAddition.builder().kind(LookupKind.WEB_PAGE).id(id).name(name).url(url).build();
  }

  static LookupAddition actionType(String id, String code) {
    return LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id(id).name(code).code(code)
        .build();
  }

  static LookupAddition referrerType(String id, String code, String name) {
    return LookupAddition.builder().kind(LookupKind.REFERRER_TYPE).id(id).name(name).code(code)
        .build();
  }
}
