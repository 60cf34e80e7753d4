from __future__ import annotations

from rest_framework import serializers

from luanchuyen.cadres.models import Cadre, Education, PlanningEntry, Position
from luanchuyen.organization.models import Post, Title, Unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name", "group", "subgroup", "block", "level", "locality", "parent", "staff_total",
                  "staff_female", "valid_from", "valid_to"]


class TitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Title
        fields = ["id", "name", "role", "rank", "key_title", "non_local_required", "sector", "level"]


class PostSerializer(serializers.ModelSerializer):
    class Meta:
        model = Post
        fields = ["id", "unit", "title", "slots", "valid_from", "valid_to"]


class PositionSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="post.title.name", read_only=True)
    unit = serializers.CharField(source="post.unit_id", read_only=True)

    class Meta:
        model = Position
        fields = ["post", "title", "unit", "start", "end", "concurrent"]


class EducationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Education
        fields = ["level", "field", "mode", "institution", "major", "year"]


class PlanningSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanningEntry
        fields = ["title", "term", "group", "approved", "removed"]


class CadreListSerializer(serializers.ModelSerializer):
    birth_date = serializers.CharField(source="birth_iso", read_only=True)
    current_title = serializers.CharField(source="current_post.title.name", read_only=True, default=None)

    class Meta:
        model = Cadre
        fields = ["id", "full_name", "gender", "birth_date", "current_unit", "current_post", "current_title",
                  "political_theory"]


class CadreDetailSerializer(CadreListSerializer):
    positions = PositionSerializer(source="position_set", many=True, read_only=True)
    education = EducationSerializer(source="education_set", many=True, read_only=True)
    planning = PlanningSerializer(source="planningentry_set", many=True, read_only=True)

    class Meta(CadreListSerializer.Meta):
        fields = [*CadreListSerializer.Meta.fields, "other_name", "birthplace", "hometown", "ethnicity",
                  "religion", "party_joined", "party_official", "state_management", "foreign_language",
                  "it_skill", "late_retirement_eligible", "health_certificate", "education", "positions",
                  "planning"]
