"""What WhatsApp prints instead of content, per language, as data.

One row per language WhatsApp ships in the Netherlands' neighbourhood and among the
people a minister writes with. :mod:`whatsapp_markers` builds its lookups from these
tables; a new language is a new row, not new code. Each field:

- ``title``: the name Android gives the chat's text file (the chat's name is group 1);
- ``attached``: Android's ``IMG-….jpg (file attached)``, the words in the brackets;
- ``attached_ios``: iOS's ``<attached: 00000012-PHOTO-….jpg>``, the word before ``:``;
- ``media_omitted``: Android's whole-body placeholder for media left out;
- ``omitted``: iOS's whole-body placeholders for media left out, and the media kind;
- ``deleted``: "this message was deleted" and "you deleted this message";
- ``edited``: the suffix of an edited message;
- ``disappearing_on`` / ``disappearing_off``: regular-expression fragments (lower case)
  of the system lines that turn disappearing messages on or off;
- ``disappearing``: a fragment every disappearing-messages line of the language holds.
"""

from __future__ import annotations

from typing import Any

_K = ("image", "video", "audio", "sticker", "document", "gif", "contact_card")


def _kinds(*words: str) -> dict[str, str]:
    """iOS placeholders in the order of ``_K`` ("" where a language has none known)."""
    return {w: k for w, k in zip(words, _K, strict=True) if w}


PHRASES: dict[str, dict[str, Any]] = {
    "en": {
        "title": (r"^WhatsApp[ -]Chat with (.+)$",),
        "attached": ("file attached",),
        "attached_ios": ("attached",),
        "media_omitted": ("<Media omitted>",),
        "omitted": _kinds(
            "image omitted",
            "video omitted",
            "audio omitted",
            "sticker omitted",
            "document omitted",
            "GIF omitted",
            "Contact card omitted",
        ),
        "deleted": ("This message was deleted", "You deleted this message"),
        "edited": ("<This message was edited>",),
        "disappearing_on": (
            r"turned on disappearing",
            r"enabled disappearing",
            r"default (?:message )?timer",
        ),
        "disappearing_off": (r"turned off disappearing", r"disabled disappearing"),
        "disappearing": (r"disappearing message", r"message timer"),
    },
    "nl": {
        "title": (r"^WhatsApp[ -]chat met (.+)$",),
        "attached": ("bestand bijgevoegd",),
        "attached_ios": ("bijgevoegd",),
        "media_omitted": ("<Media weggelaten>",),
        "omitted": _kinds(
            "afbeelding weggelaten",
            "video weggelaten",
            "audio weggelaten",
            "sticker weggelaten",
            "document weggelaten",
            "GIF weggelaten",
            "Visitekaartje weggelaten",
        ),
        "deleted": (
            "Dit bericht is verwijderd",
            "U hebt dit bericht verwijderd",
            "Je hebt dit bericht verwijderd",
        ),
        "edited": ("<Dit bericht is bewerkt>",),
        "disappearing_on": (r"(?:vervaldatum|verdwijnende berichten)\S* ingeschakeld",),
        "disappearing_off": (r"(?:vervaldatum|verdwijnende berichten)\S* uitgeschakeld",),
        "disappearing": (r"berichttimer", r"vervaldatum", r"verdwijnende berichten"),
    },
    "de": {
        "title": (r"^WhatsApp[ -]Chat mit (.+)$",),
        "attached": ("Datei angehängt",),
        "attached_ios": ("Anhang",),
        "media_omitted": ("<Medien ausgeschlossen>",),
        "omitted": _kinds(
            "Bild weggelassen",
            "Video weggelassen",
            "Audio weggelassen",
            "Sticker weggelassen",
            "Dokument weggelassen",
            "GIF weggelassen",
            "Kontaktkarte weggelassen",
        ),
        "deleted": ("Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht"),
        "edited": ("<Diese Nachricht wurde bearbeitet>",),
        "disappearing_on": (r"selbstlöschende nachrichten aktiviert",),
        "disappearing_off": (r"selbstlöschende nachrichten deaktiviert",),
        "disappearing": (r"selbstlöschende",),
    },
    "fr": {
        "title": (r"^Discussion WhatsApp avec (.+)$",),
        "attached": ("fichier joint",),
        "attached_ios": ("pièce jointe",),
        "media_omitted": ("<Médias omis>",),
        "omitted": _kinds(
            "image absente",
            "vidéo absente",
            "audio omis",
            "autocollant omis",
            "document omis",
            "GIF retiré",
            "fiche contact omise",
        ),
        "deleted": ("Ce message a été supprimé", "Vous avez supprimé ce message"),
        "edited": ("<Ce message a été modifié>",),
        "disappearing_on": (r"a activé les messages éphémères",),
        "disappearing_off": (r"a désactivé les messages éphémères",),
        "disappearing": (r"messages éphémères",),
    },
    "es": {
        "title": (r"^Chat de WhatsApp con (.+)$",),
        "attached": ("archivo adjunto",),
        "attached_ios": ("adjunto",),
        "media_omitted": ("<Multimedia omitido>",),
        "omitted": _kinds(
            "imagen omitida",
            "video omitido",
            "audio omitido",
            "sticker omitido",
            "documento omitido",
            "GIF omitido",
            "tarjeta de contacto omitida",
        ),
        "deleted": ("Se eliminó este mensaje", "Eliminaste este mensaje"),
        "edited": ("<Se editó este mensaje.>",),
        "disappearing_on": (r"activó los mensajes temporales",),
        "disappearing_off": (r"desactivó los mensajes temporales",),
        "disappearing": (r"mensajes temporales",),
    },
    "pt": {
        "title": (r"^Conversa d[oe] WhatsApp com (.+)$",),
        # Brazil writes "arquivo", Portugal "ficheiro".
        "attached": ("arquivo anexado", "ficheiro anexado"),
        "attached_ios": ("anexado", "anexo"),
        "media_omitted": ("<Mídia oculta>", "<Multimédia omitido>"),
        "omitted": _kinds(
            "imagem ocultada",
            "vídeo omitido",
            "áudio ocultado",
            "figurinha omitida",
            "documento omitido",
            "GIF omitido",
            "cartão de contato omitido",
        ),
        "deleted": ("Esta mensagem foi apagada", "Você apagou esta mensagem", "Mensagem apagada"),
        "edited": ("<Mensagem editada>", "<Esta mensagem foi editada>"),
        "disappearing_on": (r"ativou as mensagens temporárias", r"mensagens temporárias ativadas"),
        "disappearing_off": (
            r"desativou as mensagens temporárias",
            r"mensagens temporárias desativadas",
        ),
        "disappearing": (r"mensagens temporárias",),
    },
    "it": {
        "title": (r"^Chat WhatsApp con (.+)$",),
        "attached": ("file allegato",),
        "attached_ios": ("allegato",),
        "media_omitted": ("<Media omessi>",),
        "omitted": _kinds(
            "immagine omessa",
            "video omesso",
            "audio omesso",
            "sticker omesso",
            "documento omesso",
            "GIF esclusa",
            "scheda contatto omessa",
        ),
        "deleted": ("Questo messaggio è stato eliminato", "Hai eliminato questo messaggio"),
        "edited": ("<Questo messaggio è stato modificato>",),
        "disappearing_on": (r"ha attivato i messaggi effimeri",),
        "disappearing_off": (r"ha disattivato i messaggi effimeri",),
        "disappearing": (r"messaggi effimeri",),
    },
    "tr": {
        "title": (r"^(.+) ile WhatsApp Sohbeti$",),
        "attached": ("dosya ekli",),
        "attached_ios": ("ek",),
        "media_omitted": ("<Medya dahil edilmedi>",),
        "omitted": _kinds(
            "görüntü dahil edilmedi",
            "video dahil edilmedi",
            "ses dahil edilmedi",
            "çıkartma dahil edilmedi",
            "belge dahil edilmedi",
            "GIF dahil edilmedi",
            "kişi kartı dahil edilmedi",
        ),
        "deleted": ("Bu mesaj silindi", "Bu mesajı sildiniz"),
        "edited": ("<Bu mesaj düzenlendi>",),
        "disappearing_on": (r"süreli mesajları açtı",),
        "disappearing_off": (r"süreli mesajları kapattı",),
        "disappearing": (r"süreli mesaj",),
    },
    "ar": {
        "title": (r"^دردشة WhatsApp مع (.+)$",),
        "attached": ("الملف مرفق",),
        "attached_ios": ("مرفق",),
        "media_omitted": ("<تم استبعاد الوسائط>",),
        "omitted": _kinds(
            "تم استبعاد الصورة",
            "تم استبعاد الفيديو",
            "تم استبعاد الصوت",
            "تم استبعاد الملصق",
            "تم استبعاد المستند",
            "تم استبعاد صورة GIF",
            "تم استبعاد بطاقة جهة الاتصال",
        ),
        "deleted": ("تم حذف هذه الرسالة", "لقد حذفت هذه الرسالة"),
        "edited": ("<تم تعديل هذه الرسالة>",),
        "disappearing_on": (r"شغّل الرسائل المؤقتة", r"تشغيل الرسائل المؤقتة"),
        "disappearing_off": (r"أوقف الرسائل المؤقتة", r"إيقاف الرسائل المؤقتة"),
        "disappearing": (r"الرسائل المؤقتة",),
    },
    "pl": {
        "title": (r"^Czat WhatsApp z (.+)$",),
        "attached": ("załączono plik",),
        "attached_ios": ("załącznik",),
        "media_omitted": ("<pominięto multimedia>",),
        "omitted": _kinds(
            "pominięto obraz",
            "pominięto wideo",
            "pominięto audio",
            "pominięto naklejkę",
            "pominięto dokument",
            "pominięto GIF",
            "pominięto kartę kontaktu",
        ),
        "deleted": ("Ta wiadomość została usunięta", "Usunięto tę wiadomość"),
        "edited": ("<Edytowano tę wiadomość>", "<Ta wiadomość została edytowana>"),
        "disappearing_on": (r"włączył\w* znikające wiadomości",),
        "disappearing_off": (r"wyłączył\w* znikające wiadomości",),
        "disappearing": (r"znikające wiadomości",),
    },
}


def every(key: str) -> tuple[str, ...]:
    """One field of every language, in table order."""
    return tuple(p for phrases in PHRASES.values() for p in phrases[key])


def every_omitted() -> dict[str, str]:
    """Every language's iOS media placeholders, to their media kind."""
    return {w: k for phrases in PHRASES.values() for w, k in phrases["omitted"].items()}
