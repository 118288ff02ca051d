from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province or territory of Pakistan (Punjab, Sindh, ..., Azad Jammu & Kashmir)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("province or territory")
        verbose_name_plural = _("provinces and territories")

    def __str__(self) -> str:
        return self.name


class DistrictQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_scope_of(self, user):
        """Districts a staff user may act in: chosen districts, else their whole province; admins all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_admin:
            return self.all()
        district_ids = list(user.districts.values_list("pk", flat=True))
        if district_ids:
            return self.filter(pk__in=district_ids)
        if user.province_id:
            return self.filter(province_id=user.province_id)
        return self.none()

    def scope_filter(self, user, field: str = "district") -> Q:
        """A Q object restricting `<field>` to the user's scope, for any model with a district FK."""
        if user.is_authenticated and user.is_admin:
            return Q()
        return Q(**{f"{field}__in": self.in_scope_of(user)})


class District(models.Model):
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="districts"
    )
    name = models.CharField(_("name"), max_length=80)
    # District lists change (splits, new districts): retired ones stay for history but leave forms.
    active = models.BooleanField(_("active"), default=True)

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["province__position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="district_unique_name_per_province")
        ]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name
